// The calendar model: what a calendar file says, independent of how it is written (writers/ics.ts).
// Times are wall-clock times in the Netherlands; the writer adds the time zone.

/** When an event happens: clock times on a date, or the whole day (when the hours are not known). */
export type EventTime =
  | { kind: 'timed'; date: string; start: string; minutes: number }
  | { kind: 'allDay'; date: string };

export interface CalendarEvent {
  /** Stays the same when the project is rendered again, so re-importing updates instead of duplicating. */
  uid: string;
  when: EventTime;
  summary: string;
  location?: string;
  url?: string;
  description: string;
}

/** One calendar file: a list of events with the organiser who publishes them. */
export interface Calendar {
  /** Shown as the calendar's name when the file is subscribed to or imported as a whole. */
  name?: string;
  /** BCP 47 tag of the texts. */
  language: string;
  /** The fixed date stamped into the file (DTSTAMP), so the same input gives the same bytes. */
  date: Date;
  /** The public contact who publishes the events (ORGANIZER); absent when none may be shown. */
  organiser?: { name?: string; email: string };
  events: CalendarEvent[];
}

/** Date order for lists of events; on one day, all-day events come first. */
export function eventSortKey(when: EventTime): string {
  return when.kind === 'timed' ? `${when.date}T${when.start.padStart(5, '0')}` : when.date;
}
