import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BROKEN_PROMISE_FLAG_HIRES,
  maskName,
  PROMISE_TERM_CODES,
  PROMISE_TERM_LABELS,
  PROMISE_TERM_QUESTIONS,
  RIGHTS_CASE_KIND_LABELS,
  RIGHTS_CASE_STATUS_LABELS,
  RIGHTS_CATEGORY_CODES,
  RIGHTS_CATEGORY_LABELS,
} from '@mamagang/domain';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, OptionalPrincipal, Public, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import {
  AnswerPromiseCheckDto,
  CreateRightsCaseDto,
  EmployerRecordDto,
  HandleRightsCaseDto,
  OfficialRightsCaseDto,
  OfficialRightsCasePageDto,
  OfficialRightsCasesQueryDto,
  PromiseCheckDto,
  RightsCaseDto,
  RightsHelpDto,
  RightsHelpQueryDto,
} from './dto/rights.dto';
import type { PromiseCheckRow } from './rights.repository';
import { RightsService, type CaseView, type EmployerRecord } from './rights.service';

/** A malformed id names nothing: it is answered like an id of nothing. */
const idPipe = (message: string) => new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', message) });
const CaseIdPipe = idPipe('维权事项不存在');
const CheckIdPipe = idPipe('回访不存在');

@ApiTags('rights')
@Controller()
export class RightsController {
  constructor(private readonly rights: RightsService) {}

  @Get('rights/help')
  @Public()
  @ApiOperation({ summary: 'Categories and the stations of the region with rights-consultation hours' })
  @ApiOkResponse({ type: RightsHelpDto })
  async help(@OptionalPrincipal() me: Principal | null, @Query() q: RightsHelpQueryDto): Promise<RightsHelpDto> {
    const help = await this.rights.help(q.regionCode, me);
    return {
      regionCode: help.regionCode,
      categories: RIGHTS_CATEGORY_CODES.map((code) => ({ code, label: RIGHTS_CATEGORY_LABELS[code] })),
      stations: help.stations.map((s) => ({ ...s })),
    };
  }

  @Post('rights/cases')
  @Roles('mother')
  @ApiOperation({ summary: 'File a consultation or complaint; it goes to the officials of the region' })
  @ApiCreatedResponse({ type: RightsCaseDto })
  async create(@CurrentPrincipal() me: Principal, @Body() body: CreateRightsCaseDto): Promise<RightsCaseDto> {
    return toCaseDto(await this.rights.createCase(me, body));
  }

  @Get('rights/cases/mine')
  @Roles('mother')
  @ApiOperation({ summary: 'My consultations and complaints, newest first' })
  @ApiOkResponse({ type: [RightsCaseDto] })
  async mine(@CurrentPrincipal() me: Principal): Promise<RightsCaseDto[]> {
    return (await this.rights.myCases(me)).map(toCaseDto);
  }

  @Get('rights/cases/:id')
  @Roles('mother', 'official')
  @ApiOperation({ summary: 'One case: the mother who filed it, or an official of its region' })
  @ApiOkResponse({ type: RightsCaseDto })
  async one(@CurrentPrincipal() me: Principal, @Param('id', CaseIdPipe) id: string): Promise<RightsCaseDto> {
    return toCaseDto(await this.rights.getCase(me, id));
  }

  @Get('official/rights/cases')
  @Roles('official')
  @ApiOperation({ summary: 'Cases of my regions, open ones first' })
  @ApiOkResponse({ type: OfficialRightsCasePageDto })
  async official(@CurrentPrincipal() me: Principal, @Query() q: OfficialRightsCasesQueryDto): Promise<OfficialRightsCasePageDto> {
    const page = await this.rights.listForOfficial(me, q);
    return { items: page.items.map(toOfficialCaseDto), total: page.total, page: page.page };
  }

  @Post('official/rights/cases/:id/handle')
  @HttpCode(200)
  @Roles('official')
  @ApiOperation({ summary: 'Take up or close a case of my region, with a note for the mother' })
  @ApiOkResponse({ type: OfficialRightsCaseDto })
  async handle(@CurrentPrincipal() me: Principal, @Param('id', CaseIdPipe) id: string, @Body() body: HandleRightsCaseDto): Promise<OfficialRightsCaseDto> {
    return toOfficialCaseDto(await this.rights.handle(me, id, body));
  }

  @Get('rights/promise-checks/mine')
  @Roles('mother')
  @ApiOperation({ summary: 'My checks 30 days after each hire, asked and answered' })
  @ApiOkResponse({ type: [PromiseCheckDto] })
  async myChecks(@CurrentPrincipal() me: Principal): Promise<PromiseCheckDto[]> {
    return (await this.rights.myPromiseChecks(me)).map(toCheckDto);
  }

  @Post('rights/promise-checks/:id/answer')
  @HttpCode(200)
  @Roles('mother')
  @ApiOperation({ summary: 'Answer whether the promised hours, contract, insurance and leave hold' })
  @ApiOkResponse({ type: PromiseCheckDto })
  async answer(@CurrentPrincipal() me: Principal, @Param('id', CheckIdPipe) id: string, @Body() body: AnswerPromiseCheckDto): Promise<PromiseCheckDto> {
    const answers = { hours: body.hours, contract: body.contract, insurance: body.insurance, leave: body.leave };
    return toCheckDto(await this.rights.answerPromiseCheck(me, id, answers, body.comment));
  }

  @Get('official/employers/:id/record')
  @Roles('official')
  @ApiOperation({ summary: "An employer's promise checks and complaints, and whether broken promises flag it" })
  @ApiOkResponse({ type: EmployerRecordDto })
  async record(@CurrentPrincipal() me: Principal, @Param('id', idPipe('单位不存在')) id: string): Promise<EmployerRecordDto> {
    return toRecordDto(await this.rights.employerRecord(me, id));
  }
}

function toCaseDto(c: CaseView): RightsCaseDto {
  return {
    id: c.id,
    kind: c.kind,
    kindLabel: RIGHTS_CASE_KIND_LABELS[c.kind],
    category: c.category,
    categoryLabel: RIGHTS_CATEGORY_LABELS[c.category],
    text: c.text,
    status: c.status,
    statusLabel: RIGHTS_CASE_STATUS_LABELS[c.status],
    regionCode: c.regionCode,
    post: c.postId ? { id: c.postId, name: c.postTitle ?? '' } : null,
    employer: c.employerId ? { id: c.employerId, name: c.employerName ?? '' } : null,
    notes: c.notes.map((n) => ({ status: n.status, statusLabel: RIGHTS_CASE_STATUS_LABELS[n.status], note: n.note, createdAt: n.createdAt.toISOString() })),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function toOfficialCaseDto(c: CaseView): OfficialRightsCaseDto {
  return { ...toCaseDto(c), mother: { name: maskName(c.motherName), phoneMasked: c.motherPhoneMasked } };
}

function toCheckDto(k: PromiseCheckRow): PromiseCheckDto {
  return {
    id: k.id,
    hireId: k.hireId,
    postTitle: k.postTitle,
    employerName: k.employerName,
    startDate: k.startDate,
    dueOn: k.dueOn,
    askedAt: k.askedAt.toISOString(),
    questions: PROMISE_TERM_CODES.map((term) => ({ term, label: PROMISE_TERM_LABELS[term], question: PROMISE_TERM_QUESTIONS[term] })),
    answers: k.answers ? { hours: k.answers.hours, contract: k.answers.contract, insurance: k.answers.insurance, leave: k.answers.leave } : null,
    comment: k.comment,
    answeredAt: k.answeredAt?.toISOString() ?? null,
  };
}

function toRecordDto(r: EmployerRecord): EmployerRecordDto {
  return {
    employerId: r.employerId,
    employerName: r.employerName,
    regionCode: r.regionCode,
    hires: r.hires,
    promiseChecks: {
      asked: r.asked,
      answered: r.answered,
      keptHires: r.answered - r.brokenHires,
      brokenHires: r.brokenHires,
      byTerm: {
        hours: { ...r.byTerm.hours },
        contract: { ...r.byTerm.contract },
        insurance: { ...r.byTerm.insurance },
        leave: { ...r.byTerm.leave },
      },
    },
    complaints: { total: r.complaints, open: r.openComplaints, byCategory: { ...r.complaintsByCategory } },
    flagged: r.flagged,
    flagReason: r.flagged ? `${r.brokenHires}次入职满30天回访反映承诺未兑现（达到${BROKEN_PROMISE_FLAG_HIRES}次即提示）` : null,
  };
}
