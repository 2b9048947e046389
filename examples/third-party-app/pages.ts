import type { Sport, Workout } from './api/responses';
import type { Tokens, WorkoutList } from './pacekeeper-api';

const escape = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

function layout(body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Example Pacekeeper app</title></head><body><main><h1>Example app</h1>${body}</main></body></html>`;
}

function button(action: string, label: string): string {
  return `<form method="post" action="${action}"><button type="submit">${label}</button></form>`;
}

function notice(message: string | undefined): string {
  return message === undefined ? '' : `<p id="message" role="status">${escape(message)}</p>`;
}

function workoutRow(workout: Workout, sports: Sport[]): string {
  const sport = sports.find((s) => s.id === workout.sport_id)?.label ?? `#${workout.sport_id}`;
  const cells = [
    workout.title ?? '',
    sport,
    workout.workout_date,
    workout.distance === null ? '' : `${workout.distance} km`,
    workout.duration,
  ];
  return `<tr>${cells.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`;
}

function workoutTable({ workouts, sports }: WorkoutList): string {
  if (workouts.length === 0) return '<p id="no-workouts">No workouts yet.</p>';
  const head = ['Title', 'Sport', 'Date', 'Distance', 'Duration'].map((h) => `<th>${h}</th>`);
  const rows = workouts.map((workout) => workoutRow(workout, sports));
  return `<table id="workouts"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Signed out: the sign-in link. */
export function signedOutPage(message: string | undefined): string {
  return layout(`<p id="status">Not signed in.</p>${notice(message)}
<p><a id="login" href="/login">Sign in with Pacekeeper</a></p>`);
}

/** Signed in: the token's scope, the user's latest workouts (when Pacekeeper sent them), actions. */
export function signedInPage(
  tokens: Tokens,
  list: WorkoutList | undefined,
  message: string | undefined,
): string {
  return layout(`<p id="status">Signed in through Pacekeeper with scope <code id="scope">${escape(tokens.scope)}</code>.</p>
${notice(message)}
${list === undefined ? '' : `<h2>Your latest workouts</h2>${workoutTable(list)}`}
${button('/refresh', 'Refresh the tokens')}
${button('/revoke', 'Sign out (revoke the tokens)')}`);
}
