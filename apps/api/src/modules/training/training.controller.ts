import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, OptionalPrincipal, Public, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import {
  CancelCourseDto,
  CourseDto,
  CoursePageDto,
  CourseQueryDto,
  CreateCourseDto,
  RecordAttendanceDto,
  RosterDto,
  SessionAttendanceDto,
  SignupDto,
} from './dto/training.dto';
import { TrainingService } from './training.service';

/** A malformed id names nothing: 404, like an unknown one. */
const id = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', `${what}不存在`) });

@ApiTags('training')
@Controller('training')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Post('courses')
  @Roles('station_worker', 'official', 'employer_member')
  @ApiOperation({ summary: 'Publish a course: a station worker for her station, an official for a provider of her region, an approved employer for its own training' })
  @ApiCreatedResponse({ type: CourseDto })
  create(@CurrentPrincipal() me: Principal, @Body() body: CreateCourseDto): Promise<CourseDto> {
    return this.training.create(me, body);
  }

  @Get('courses')
  @Public()
  @ApiOperation({ summary: 'Open courses that have not ended, soonest first (20 a page); a signed-in mother sees her own sign-up on each' })
  @ApiOkResponse({ type: CoursePageDto })
  list(@OptionalPrincipal() viewer: Principal | null, @Query() query: CourseQueryDto): Promise<CoursePageDto> {
    return this.training.list({ ...query, page: query.page ?? 1 }, viewer);
  }

  @Get('courses/:id')
  @Public()
  @ApiOperation({ summary: 'A course with its sessions and seats left' })
  @ApiOkResponse({ type: CourseDto })
  one(@OptionalPrincipal() viewer: Principal | null, @Param('id', id('课程')) courseId: string): Promise<CourseDto> {
    return this.training.view(courseId, viewer);
  }

  @Post('courses/:id/signup')
  @Roles('mother')
  @ApiOperation({ summary: 'Sign up (201; 200 with the same sign-up when she already holds a place). Full: 409 TRAINING_COURSE_FULL' })
  @ApiCreatedResponse({ type: SignupDto })
  @ApiOkResponse({ type: SignupDto, description: 'She already holds a place' })
  async signUp(@CurrentPrincipal() me: Principal, @Param('id', id('课程')) courseId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<SignupDto> {
    const { signup, created } = await this.training.signUp(me, courseId);
    void reply.status(created ? 201 : 200);
    return signup;
  }

  @Post('courses/:id/signup/cancel')
  @HttpCode(200)
  @Roles('mother')
  @ApiOperation({ summary: 'Cancel her sign-up before the course ends; the seat is freed' })
  @ApiOkResponse({ type: SignupDto })
  cancelSignup(@CurrentPrincipal() me: Principal, @Param('id', id('课程')) courseId: string): Promise<SignupDto> {
    return this.training.cancelSignup(me, courseId);
  }

  @Get('signups/mine')
  @Roles('mother')
  @ApiOperation({ summary: 'Her sign-ups with attended class hours, newest first' })
  @ApiOkResponse({ type: [SignupDto] })
  mine(@CurrentPrincipal() me: Principal): Promise<SignupDto[]> {
    return this.training.mySignups(me);
  }

  @Get('courses/:id/signups')
  @Roles('station_worker', 'official', 'employer_member')
  @ApiOperation({ summary: 'The roster, for the provider side (officials and station workers of the region, members of the employer running it)' })
  @ApiOkResponse({ type: RosterDto })
  roster(@CurrentPrincipal() me: Principal, @Param('id', id('课程')) courseId: string): Promise<RosterDto> {
    return this.training.roster(me, courseId);
  }

  @Put('courses/:id/sessions/:sessionId/attendance')
  @Roles('station_worker', 'official', 'employer_member')
  @ApiOperation({ summary: 'Record attendance of a session that has started (signed-up mothers only); recording again overwrites' })
  @ApiOkResponse({ type: SessionAttendanceDto })
  attendance(
    @CurrentPrincipal() me: Principal,
    @Param('id', id('课程')) courseId: string,
    @Param('sessionId', id('这次课')) sessionId: string,
    @Body() body: RecordAttendanceDto,
  ): Promise<SessionAttendanceDto> {
    return this.training.recordAttendance(me, courseId, sessionId, body.records);
  }

  @Post('courses/:id/cancel')
  @HttpCode(200)
  @Roles('station_worker', 'official', 'employer_member')
  @ApiOperation({ summary: 'Cancel a course before it ends, with a reason; every mother holding a place is told' })
  @ApiOkResponse({ type: CourseDto })
  cancel(@CurrentPrincipal() me: Principal, @Param('id', id('课程')) courseId: string, @Body() body: CancelCourseDto): Promise<CourseDto> {
    return this.training.cancelCourse(me, courseId, body.reason);
  }
}
