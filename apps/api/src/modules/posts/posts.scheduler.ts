import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config';
import { PostsService } from './posts.service';

export const CLOSE_POSTS_INTERVAL_MS = 60_000;

/**
 * Closes due posts every minute (PostsService.closeDue). The UPDATE only touches open posts, so
 * several API processes may run it side by side. Off under NODE_ENV=test, where tests call
 * closeDue with their own clock, or `start()` when they want the timer itself.
 */
@Injectable()
export class PostsScheduler implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PostsScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly posts: PostsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.nodeEnv !== 'test') this.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stop();
    // Let a pass in flight finish before the database closes under it.
    await this.running;
  }

  start(intervalMs: number = CLOSE_POSTS_INTERVAL_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    // The timer alone must not keep the process alive.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass; a pass still running (a slow database) is not overlapped by the next. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      const closed = await this.posts.closeDue(this.clock.now());
      if (closed.expired + closed.filled > 0) this.logger.log(`closed posts: ${closed.expired} expired, ${closed.filled} filled`);
    } catch (error) {
      // The next pass retries; a failure here must never take the API down.
      this.logger.warn(`closing due posts failed: ${(error as Error).message}`);
    }
  }
}
