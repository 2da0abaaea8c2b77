import type { MigrationInterface } from 'typeorm';
import { Init1795456800000 } from './1795456800000-init';
import { Marketplace1795460000000 } from './1795460000000-marketplace';
import { ApplicationsOutboxDispatch1795463000000 } from './1795463000000-applications-outbox-dispatch';
import { PostsPayAndWage1795461000000 } from './1795461000000-posts-pay-and-wage';
import { SearchIndexes1795462000000 } from './1795462000000-search-indexes';
import { Followup1795464000000 } from './1795464000000-followup';
import { PolicyData1795466000000 } from './1795466000000-policy-data';
import { Training1795466100000 } from './1795466100000-training';
import { Claims1795466200000 } from './1795466200000-claims';
import { Fraud1795466300000 } from './1795466300000-fraud';
import { ResumeRights1795467000000 } from './1795467000000-resume-rights';
import { FairsLivestreamsSharing1795468000000 } from './1795468000000-fairs-livestreams-sharing';
import { Privacy1795469500000 } from './1795469500000-privacy';
import { MotherClaims1795470500000 } from './1795470500000-mother-claims';

/**
 * Every migration, oldest first. Listed by hand rather than found by a glob: a glob would
 * have to match .ts under Jest (ESM) and .js in the compiled build, and would silently
 * pick up stray files.
 *
 * To add one: create `<Date.now()>-<what>.ts` exporting `class <What><timestamp>` with
 * `name`, `up` and `down`, then append the class here.
 */
export const MIGRATIONS: ReadonlyArray<new () => MigrationInterface> = [Init1795456800000, Marketplace1795460000000, PostsPayAndWage1795461000000, SearchIndexes1795462000000, ApplicationsOutboxDispatch1795463000000, Followup1795464000000, PolicyData1795466000000, Training1795466100000, Claims1795466200000, Fraud1795466300000, ResumeRights1795467000000, FairsLivestreamsSharing1795468000000, Privacy1795469500000, MotherClaims1795470500000];
