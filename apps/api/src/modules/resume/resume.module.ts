import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeepSeekResumeOptimizer } from './deepseek-resume-optimizer';
import { LocalResumeOptimizer } from './local-resume-optimizer';
import { ResumeSuggestionEntity } from './resume-suggestion.entity';
import { ResumeController } from './resume.controller';
import { ResumeEntity } from './resume.entity';
import { ResumeRepository } from './resume.repository';
import { ResumeService } from './resume.service';

/** Mothers' resumes and their optimisation (DeepSeek, or the local rule-based optimiser). */
@Module({
  imports: [TypeOrmModule.forFeature([ResumeEntity, ResumeSuggestionEntity])],
  controllers: [ResumeController],
  providers: [ResumeRepository, ResumeService, DeepSeekResumeOptimizer, LocalResumeOptimizer],
})
export class ResumeModule {}
