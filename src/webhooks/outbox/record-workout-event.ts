import type { WorkoutEventType } from 'src/webhooks/webhook-events';
import type { EntityManager } from 'typeorm';

/**
 * Writes a workout event into the outbox (docs/webhooks.md#delivery) with the caller's
 * transaction manager, so the event commits or rolls back with the change itself. Call it
 * while the workout row still exists (before a DELETE). `changes` lists the API fields set by
 * an update.
 */
export async function recordWorkoutEvent(
  manager: EntityManager,
  type: WorkoutEventType,
  workoutId: number,
  changes: readonly string[] | null = null,
): Promise<void> {
  await manager.query(
    `INSERT INTO webhook_events (type, user_id, username, workout_uuid, changes)
     SELECT $1, w.user_id, u.username, w.uuid, $3::text[]
       FROM workouts w JOIN users u ON u.id = w.user_id
      WHERE w.id = $2`,
    [type, workoutId, changes === null ? null : [...changes]],
  );
}
