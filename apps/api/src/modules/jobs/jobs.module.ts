import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobEntity } from './job.entity';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';

/** The PostgreSQL-backed job queue; features register their handlers in onModuleInit. */
@Module({
  imports: [TypeOrmModule.forFeature([JobEntity])],
  providers: [JobsRepository, JobsService],
  exports: [JobsService],
})
export class JobsModule {}
