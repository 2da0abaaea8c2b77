import { ApplicationEntity } from '../modules/applications/application.entity';
import { HireEntity } from '../modules/applications/hire.entity';
import { EmployerEntity } from '../modules/employers/employer.entity';
import { ChildEntity } from '../modules/mothers/child.entity';
import { MotherEntity } from '../modules/mothers/mother.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { PostEntity } from '../modules/posts/post.entity';
import { RegionEntity } from '../modules/regions/region.entity';
import { ResumeSuggestionEntity } from '../modules/resume/resume-suggestion.entity';
import { ResumeEntity } from '../modules/resume/resume.entity';
import { PromiseCheckEntity } from '../modules/rights/promise-check.entity';
import { RightsCaseNoteEntity } from '../modules/rights/rights-case-note.entity';
import { RightsCaseEntity } from '../modules/rights/rights-case.entity';
import { UserRoleEntity } from '../modules/users/user-role.entity';
import { UserEntity } from '../modules/users/user.entity';
import { JobEntity } from '../modules/jobs/job.entity';
import { StationEntity } from '../modules/stations/station.entity';
import { SurveyVersionEntity } from '../modules/stations/survey/survey-version.entity';
import { FairEntity } from '../modules/fairs/fair.entity';
import { FairEmployerEntity, FairPostEntity } from '../modules/fairs/fair-participant.entity';
import { FairSignupEntity } from '../modules/fairs/fair-signup.entity';
import { LivestreamEntity, LivestreamPostEntity } from '../modules/fairs/livestream.entity';
import { SharingAgreementEntity, SharingConsentEntity, SharingListingEntity, SharingProposalEntity } from '../modules/sharing/sharing.entity';
import { PolicyVersionEntity } from '../modules/policies/policy-version.entity';
import { CourseAttendanceEntity, CourseEntity, CourseSessionEntity, CourseSignupEntity } from '../modules/training/course.entity';
import { ClaimDecisionEntity, HireEndingEntity, SubsidyClaimEntity } from '../modules/claims/subsidy-claim.entity';
import { FraudFlagEntity } from '../modules/fraud/fraud-flag.entity';

/**
 * Every TypeORM entity of the API. Listed by hand (no glob, no autoLoadEntities) so the
 * same list serves the Nest application, scripts and benchmarks, under Jest and in the
 * compiled build. A feature registers an entity by adding it here and to its module's
 * `TypeOrmModule.forFeature([...])`; forgetting this list fails at start-up with
 * "No metadata for ...".
 */
export const ENTITIES: ReadonlyArray<new () => object> = [RegionEntity, UserEntity, UserRoleEntity, NotificationEntity, EmployerEntity, PostEntity, ApplicationEntity, HireEntity, ResumeEntity, ResumeSuggestionEntity, RightsCaseEntity, RightsCaseNoteEntity, PromiseCheckEntity, MotherEntity, ChildEntity, StationEntity, SurveyVersionEntity, JobEntity, PolicyVersionEntity, CourseEntity, CourseSessionEntity, CourseSignupEntity, CourseAttendanceEntity, SubsidyClaimEntity, ClaimDecisionEntity, HireEndingEntity, FraudFlagEntity, FairEntity, FairEmployerEntity, FairPostEntity, FairSignupEntity, LivestreamEntity, LivestreamPostEntity, SharingListingEntity, SharingProposalEntity, SharingConsentEntity, SharingAgreementEntity];
