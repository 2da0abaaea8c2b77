import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { UsersModule } from '../users/users.module';
import { EmployerEntity } from './employer.entity';
import { EmployersController } from './employers.controller';
import { EmployersRepository } from './employers.repository';
import { EmployersService } from './employers.service';

/** The employer directory: filing, review by the region's officials, friendly mark, public listing. */
@Module({
  imports: [TypeOrmModule.forFeature([EmployerEntity]), RegionsModule, UsersModule],
  controllers: [EmployersController],
  providers: [EmployersRepository, EmployersService],
  exports: [EmployersRepository, EmployersService],
})
export class EmployersModule {}
