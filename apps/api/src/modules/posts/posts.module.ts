import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployersModule } from '../employers/employers.module';
import { PoliciesModule } from '../policies/policies.module';
import { RegionsModule } from '../regions/regions.module';
import { PostEntity } from './post.entity';
import { PostsController } from './posts.controller';
import { PostsRepository } from './posts.repository';
import { PostsScheduler } from './posts.scheduler';
import { PostsService } from './posts.service';

/** Posts: publication against the catalogue and the minimum wage, moderation, closing when due. */
@Module({
  imports: [TypeOrmModule.forFeature([PostEntity]), EmployersModule, RegionsModule, PoliciesModule],
  controllers: [PostsController],
  providers: [PostsRepository, PostsService, PostsScheduler],
  exports: [PostsRepository, PostsService],
})
export class PostsModule {}
