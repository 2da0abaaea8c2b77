import { NotificationEntity } from '../modules/notifications/notification.entity';
import { RegionEntity } from '../modules/regions/region.entity';
import { UserRoleEntity } from '../modules/users/user-role.entity';
import { UserEntity } from '../modules/users/user.entity';

/**
 * Every TypeORM entity of the API. Listed by hand (no glob, no autoLoadEntities) so the
 * same list serves the Nest application, scripts and benchmarks, under Jest and in the
 * compiled build. A feature registers an entity by adding it here and to its module's
 * `TypeOrmModule.forFeature([...])`; forgetting this list fails at start-up with
 * "No metadata for ...".
 */
export const ENTITIES: ReadonlyArray<new () => object> = [RegionEntity, UserEntity, UserRoleEntity, NotificationEntity];
