import { Module } from '@nestjs/common';
import { DemoSeedRepository } from './demo-seed.repository';
import { DemoSeedService } from './demo-seed.service';
import { FairsModule } from '../fairs/fairs.module';
import { FollowupModule } from '../followup/followup.module';
import { TrainingModule } from '../training/training.module';

/** Seeds the demo city (Weihai) on start when SEED_DEMO is on (the embedded default). */
@Module({ imports: [FollowupModule, TrainingModule, FairsModule], providers: [DemoSeedRepository, DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
