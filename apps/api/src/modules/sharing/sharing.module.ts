import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SharingController } from './sharing.controller';
import { SharingAgreementEntity, SharingConsentEntity, SharingListingEntity, SharingProposalEntity } from './sharing.entity';
import { SharingRepository } from './sharing.repository';
import { SharingService } from './sharing.service';

/** Worker sharing between employers (用工余缺调剂): offers, requests, matches, proposals, each mother's consent, agreements. */
@Module({
  imports: [TypeOrmModule.forFeature([SharingListingEntity, SharingProposalEntity, SharingConsentEntity, SharingAgreementEntity])],
  controllers: [SharingController],
  providers: [SharingRepository, SharingService],
  exports: [SharingService],
})
export class SharingModule {}
