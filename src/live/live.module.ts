import { Global, Module } from '@nestjs/common';
import { TokenVerifier } from '../auth/token-verifier.js';
import { LiveGateway } from './live.gateway.js';
import { LiveLog } from './live-log.js';
import { LivePublisher } from './live-publisher.js';
import { LiveSnapshots } from './live-snapshots.js';

/** Global: every domain module publishes, and the live module imports none of them. */
@Global()
@Module({
  providers: [LiveGateway, LiveLog, LivePublisher, LiveSnapshots, TokenVerifier],
  exports: [LivePublisher, LiveSnapshots],
})
export class LiveModule {}
