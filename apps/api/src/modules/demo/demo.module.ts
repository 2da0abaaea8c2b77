import { Module } from '@nestjs/common';
import { DemoSeedRepository } from './demo-seed.repository';
import { DemoSeedService } from './demo-seed.service';

/** Seeds the demo city (Weihai) on start when SEED_DEMO is on (the embedded default). */
@Module({ providers: [DemoSeedRepository, DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
