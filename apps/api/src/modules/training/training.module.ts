import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CourseAttendanceEntity, CourseEntity, CourseSessionEntity, CourseSignupEntity } from './course.entity';
import { TrainingController } from './training.controller';
import { TrainingRepository } from './training.repository';
import { TrainingService } from './training.service';

/**
 * Skills training. Exports TrainingService: the 12333 follow-up names real courses in training
 * notices (coursesForNotice, upcomingFor) and claims read attendance (attendanceFacts).
 */
@Module({
  imports: [TypeOrmModule.forFeature([CourseEntity, CourseSessionEntity, CourseSignupEntity, CourseAttendanceEntity])],
  controllers: [TrainingController],
  providers: [TrainingRepository, TrainingService],
  exports: [TrainingService],
})
export class TrainingModule {}
