import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, OptionalPrincipal, Public, Roles } from '../auth/access.decorators';
import { EmployerIdPipe } from '../employers/employers.controller';
import type { Principal } from '../users/principal';
import { CreatePostDto, PostDto, TakeDownPostDto, toPostDto } from './dto/post.dto';
import { PostsService, type PostWithEmployer } from './posts.service';

const PostIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '岗位不存在') });

function dto({ post, employer, insider }: PostWithEmployer): PostDto {
  return toPostDto(post, employer, { showTakedownReason: insider });
}

@ApiTags('posts')
@Controller()
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Post('employers/:employerId/posts')
  @Roles('employer_member')
  @ApiOperation({
    summary: 'Publish a post for my approved employer',
    description:
      'Omitted terms come from the type. Refusals: POST_CONTRADICTS_TYPE (details per violation), POST_BELOW_MINIMUM_WAGE, ' +
      'POST_MINIMUM_WAGE_UNKNOWN, POST_PAY_INVALID, POST_SCHEDULE_INVALID, POST_LOCATION_INVALID, POST_VALID_UNTIL_INVALID, EMPLOYER_NOT_APPROVED.',
  })
  @ApiCreatedResponse({ type: PostDto })
  async create(@CurrentPrincipal() me: Principal, @Param('employerId', EmployerIdPipe) employerId: string, @Body() body: CreatePostDto): Promise<PostDto> {
    return dto(await this.posts.create(me, employerId, body));
  }

  @Get('employers/:employerId/posts')
  @Roles('employer_member', 'official')
  @ApiOperation({ summary: "An employer's posts, closed ones included (its members and the officials of its region)" })
  @ApiOkResponse({ type: [PostDto] })
  async list(@CurrentPrincipal() me: Principal, @Param('employerId', EmployerIdPipe) employerId: string): Promise<PostDto[]> {
    return (await this.posts.listForEmployer(me, employerId)).map(dto);
  }

  @Get('posts/:id')
  @Public()
  @ApiOperation({ summary: 'A post (a taken-down one only for its employer and the officials of its region)' })
  @ApiOkResponse({ type: PostDto })
  async one(@OptionalPrincipal() viewer: Principal | null, @Param('id', PostIdPipe) id: string): Promise<PostDto> {
    return dto(await this.posts.view(viewer, id));
  }

  @Post('official/posts/:id/take-down')
  @HttpCode(200)
  @Roles('official')
  @ApiOperation({ summary: 'Take down a post of my region with a reason; notifies the employer' })
  @ApiOkResponse({ type: PostDto })
  async takeDown(@CurrentPrincipal() me: Principal, @Param('id', PostIdPipe) id: string, @Body() body: TakeDownPostDto): Promise<PostDto> {
    return dto(await this.posts.takeDown(me, id, body.reason));
  }
}
