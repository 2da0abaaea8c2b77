import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import { MonitoringQueryDto, MonitoringReportDto, type FiguresDto } from './dto/monitoring.dto';
import { monitoringWorkbook } from './monitoring-workbook';
import { MonitoringService, type Figures } from './monitoring.service';

@ApiTags('monitoring')
@Controller('official')
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get('monitoring')
  @Roles('official')
  @ApiOperation({ summary: 'Figures of my region for a period, in total and by district, post type or stage' })
  @ApiOkResponse({ type: MonitoringReportDto })
  async report(@CurrentPrincipal() me: Principal, @Query() q: MonitoringQueryDto): Promise<MonitoringReportDto> {
    const r = await this.monitoring.report(me, q);
    return {
      regionCode: r.regionCode,
      regionName: r.regionName,
      from: r.from,
      to: r.to,
      groupBy: r.groupBy,
      totals: toFiguresDto(r.totals),
      groups: r.groups.map((g) => ({ key: g.key, label: g.label, figures: toFiguresDto(g.figures) })),
    };
  }

  @Get('monitoring.xlsx')
  @Roles('official')
  @ApiOperation({ summary: 'The same figures as an .xlsx workbook: the totals and all three breakdowns' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async xlsx(@CurrentPrincipal() me: Principal, @Query() q: MonitoringQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const report = await this.monitoring.full(me, q);
    const body = await monitoringWorkbook(report);
    const filename = `monitoring-${report.head.regionCode}-${report.head.from}-${report.head.to}.xlsx`;
    void reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    void reply.header('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }
}

function toFiguresDto(f: Figures): FiguresDto {
  return {
    posts: { new: f.posts.new, open: f.posts.open },
    applications: f.applications,
    applicants: f.applicants,
    hires: f.hires,
    daysToEmployment: { ...f.daysToEmployment },
    followUp: f.followUp && { ...f.followUp },
    subsidies: f.subsidies && { ...f.subsidies },
    quality: { ...f.quality },
    training: f.training && { ...f.training },
    fairs: f.fairs && { ...f.fairs },
  };
}
