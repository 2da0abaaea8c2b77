import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import { ResumeDto, ResumeInputDto, SuggestionDto, type ResumeContentDto } from './dto/resume.dto';
import type { ResumeContent } from './resume-content';
import { OPTIMISER_SOURCE_LABELS } from './resume-optimizer';
import type { ResumeSuggestionEntity } from './resume-suggestion.entity';
import { ResumeService, type MyResume } from './resume.service';

const SuggestionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '优化建议不存在') });

@ApiTags('resume')
@Controller('resume/me')
export class ResumeController {
  constructor(private readonly resumes: ResumeService) {}

  @Get()
  @Roles('mother')
  @ApiOperation({ summary: 'My resume (an empty one, with my profile skills, before I first save)' })
  @ApiOkResponse({ type: ResumeDto })
  async get(@CurrentPrincipal() me: Principal): Promise<ResumeDto> {
    return toResumeDto(await this.resumes.getMine(me));
  }

  @Put()
  @Roles('mother')
  @ApiOperation({ summary: 'Save my whole resume' })
  @ApiOkResponse({ type: ResumeDto })
  async put(@CurrentPrincipal() me: Principal, @Body() body: ResumeInputDto): Promise<ResumeDto> {
    const content: ResumeContent = {
      experiences: body.experiences.map((e) => ({ employer: e.employer, role: e.role, from: e.from ?? null, to: e.to ?? null, duties: e.duties })),
      skills: body.skills,
      certificates: body.certificates,
      preferredWork: body.preferredWork,
      selfIntro: body.selfIntro,
      highlights: body.highlights ?? [],
    };
    return toResumeDto(await this.resumes.saveMine(me, content));
  }

  @Post('optimise')
  @Roles('mother')
  @ApiOperation({ summary: 'Ask for an optimised version of my saved resume (DeepSeek, or the local optimiser)' })
  @ApiCreatedResponse({ type: SuggestionDto })
  async optimise(@CurrentPrincipal() me: Principal): Promise<SuggestionDto> {
    return toSuggestionDto(await this.resumes.optimise(me));
  }

  @Get('suggestions')
  @Roles('mother')
  @ApiOperation({ summary: 'My latest optimisation suggestions' })
  @ApiOkResponse({ type: [SuggestionDto] })
  async suggestions(@CurrentPrincipal() me: Principal): Promise<SuggestionDto[]> {
    return (await this.resumes.listSuggestions(me)).map(toSuggestionDto);
  }

  @Post('suggestions/:id/accept')
  @HttpCode(200)
  @Roles('mother')
  @ApiOperation({ summary: 'Accept a suggestion: it becomes my resume' })
  @ApiOkResponse({ type: ResumeDto })
  async accept(@CurrentPrincipal() me: Principal, @Param('id', SuggestionIdPipe) id: string): Promise<ResumeDto> {
    return toResumeDto(await this.resumes.accept(me, id));
  }

  @Post('suggestions/:id/reject')
  @HttpCode(200)
  @Roles('mother')
  @ApiOperation({ summary: 'Reject a suggestion' })
  @ApiOkResponse({ type: SuggestionDto })
  async reject(@CurrentPrincipal() me: Principal, @Param('id', SuggestionIdPipe) id: string): Promise<SuggestionDto> {
    return toSuggestionDto(await this.resumes.reject(me, id));
  }
}

function toContentDto(c: ResumeContent): ResumeContentDto {
  return {
    experiences: c.experiences.map((e) => ({ employer: e.employer, role: e.role, from: e.from, to: e.to, duties: [...e.duties] })),
    skills: [...c.skills],
    certificates: [...c.certificates],
    preferredWork: c.preferredWork,
    selfIntro: c.selfIntro,
    highlights: [...c.highlights],
  };
}

function toResumeDto(r: MyResume): ResumeDto {
  return { ...toContentDto(r.content), updatedAt: r.updatedAt?.toISOString() ?? null };
}

function toSuggestionDto(s: ResumeSuggestionEntity): SuggestionDto {
  return {
    id: s.id,
    source: s.source,
    sourceLabel: OPTIMISER_SOURCE_LABELS[s.source],
    note: s.note,
    original: toContentDto(s.original),
    suggested: toContentDto(s.suggested),
    status: s.status,
    createdAt: new Date(s.createdAt).toISOString(),
    decidedAt: s.decidedAt ? new Date(s.decidedAt).toISOString() : null,
  };
}
