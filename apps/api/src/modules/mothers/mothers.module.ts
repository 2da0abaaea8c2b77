import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { UsersModule } from '../users/users.module';
import { ChildEntity } from './child.entity';
import { MotherEntity } from './mother.entity';
import { MothersController } from './mothers.controller';
import { MothersRepository } from './mothers.repository';
import { MothersService } from './mothers.service';

/** A mother's own profile; exports MothersRepository for the features that read mothers. */
@Module({
  imports: [TypeOrmModule.forFeature([MotherEntity, ChildEntity]), UsersModule, RegionsModule],
  controllers: [MothersController],
  providers: [MothersRepository, MothersService],
  exports: [MothersRepository],
})
export class MothersModule {}
