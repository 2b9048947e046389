import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { USER_WORKOUTS_EXPORT } from 'src/users/export/user-workouts-export';
import { OWN_SUMMARY_READ, USER_WORKOUT_SUMMARY } from 'src/users/user-workout-summary';
import {
  WORKOUT_JOINED,
  WORKOUT_READ,
  WORKOUTS_PAGE_JOINED,
  WORKOUTS_PAGE_READ,
} from 'src/workouts/read-with-token';
import { RecordsController } from 'src/workouts/records/records.controller';
import {
  RECORDS_JOINED,
  RECORDS_READ,
  RecordsRepository,
} from 'src/workouts/records/records.repository';
import { RecordsService } from 'src/workouts/records/records.service';
import { WorkoutRecord } from 'src/workouts/records/workout-record.entity';
import { Sport } from 'src/workouts/sports/sport.entity';
import { SportPreferencesController } from 'src/workouts/sports/sport-preferences.controller';
import { SportPreferencesService } from 'src/workouts/sports/sport-preferences.service';
import { SportsController } from 'src/workouts/sports/sports.controller';
import { SportsService } from 'src/workouts/sports/sports.service';
import { SPORTS_JOINED, SPORTS_READ } from 'src/workouts/sports/sports-read';
import { UserSportPreference } from 'src/workouts/sports/user-sport-preference.entity';
import { StatsController } from 'src/workouts/stats/stats.controller';
import { StatsRepository } from 'src/workouts/stats/stats.repository';
import { StatsService } from 'src/workouts/stats/stats.service';
import {
  OWN_STATS_BY_TIME_JOINED,
  OWN_STATS_BY_TIME_READ,
} from 'src/workouts/stats/stats-read-with-token';
import {
  OWN_SUMMARY_JOINED,
  UserWorkoutSummaryService,
} from 'src/workouts/user-workout-summary.service';
import { Workout } from 'src/workouts/workout.entity';
import { WorkoutFilesService } from 'src/workouts/workout-files.service';
import { WorkoutSegment } from 'src/workouts/workout-segment.entity';
import { WorkoutSerializer } from 'src/workouts/workout-serializer';
import { WorkoutUpdateService } from 'src/workouts/workout-update.service';
import { WorkoutsController } from 'src/workouts/workouts.controller';
import { WorkoutsRepository } from 'src/workouts/workouts.repository';
import { WorkoutsService } from 'src/workouts/workouts.service';
import { WorkoutsExportService } from 'src/workouts/workouts-export.service';
import { WorkoutsWriter } from 'src/workouts/workouts-writer.service';

/**
 * Workouts, sports, records and statistics (FitTrackee `/api/workouts`). Global so that the users
 * module receives USER_WORKOUT_SUMMARY without importing this module (feature modules never import each other).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([Sport, UserSportPreference, Workout, WorkoutSegment, WorkoutRecord]),
  ],
  controllers: [
    WorkoutsController,
    SportsController,
    SportPreferencesController,
    RecordsController,
    StatsController,
  ],
  providers: [
    WorkoutsService,
    WorkoutUpdateService,
    WorkoutsRepository,
    WorkoutSerializer,
    WorkoutsWriter,
    WorkoutFilesService,
    RecordsRepository,
    RecordsService,
    SportsService,
    SportPreferencesService,
    StatsRepository,
    StatsService,
    UserWorkoutSummaryService,
    { provide: USER_WORKOUT_SUMMARY, useExisting: UserWorkoutSummaryService },
    // What routes read about their caller with the token (src/database/caller-read.ts).
    { provide: OWN_SUMMARY_READ, useValue: OWN_SUMMARY_JOINED },
    { provide: SPORTS_READ, useValue: SPORTS_JOINED },
    { provide: RECORDS_READ, useValue: RECORDS_JOINED },
    { provide: WORKOUTS_PAGE_READ, useValue: WORKOUTS_PAGE_JOINED },
    { provide: WORKOUT_READ, useValue: WORKOUT_JOINED },
    { provide: OWN_STATS_BY_TIME_READ, useValue: OWN_STATS_BY_TIME_JOINED },
    WorkoutsExportService,
    { provide: USER_WORKOUTS_EXPORT, useExisting: WorkoutsExportService },
  ],
  exports: [
    USER_WORKOUT_SUMMARY,
    OWN_SUMMARY_READ,
    USER_WORKOUTS_EXPORT,
    WorkoutsWriter,
    WorkoutsService,
    RecordsService,
    WorkoutFilesService,
    WorkoutSerializer,
    WorkoutsRepository,
    SportsService,
  ],
})
export class WorkoutsModule {}
