import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { MentorsController } from './mentors.controller.js';
import { MentorsService } from './mentors.service.js';

@Module({ imports: [RegionsModule], controllers: [MentorsController], providers: [MentorsService] })
export class MentorsModule {}
