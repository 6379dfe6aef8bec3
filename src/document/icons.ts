// The small pictures of the identity, drawn for this project (no third-party artwork): one per golden
// rule and the house of the approach, as SVG line drawings every writer can place.
import type { IconName } from './model.js';

/**
 * Each icon is a few strokes on a 24 × 24 grid, drawn with a round 2-unit pen: simple enough to read
 * at 8 mm on a card and to print on any office printer.
 */
const PATHS: Record<IconName, string> = {
  // The approach: a house with its door open to the street.
  house: '<path d="M3 11.5 12 4l9 7.5"/><path d="M5.5 9.5V20h13V9.5"/><path d="M10 20v-5.5h4V20"/>',
  // OMA, leave judgements at home: a raised hand that holds back.
  hand:
    '<path d="M8.5 12.5V6a1.5 1.5 0 0 1 3 0v5"/><path d="M11.5 10.5V4.5a1.5 1.5 0 0 1 3 0v6"/>' +
    '<path d="M14.5 10.5V6.5a1.5 1.5 0 0 1 3 0v7.5c0 4-2.6 7-6.5 7-2.6 0-4.3-1.3-5.6-3.4l-2-3.3a1.6 1.6 0 0 1 2.7-1.7l1.9 2.4"/>',
  // LSD, listen: an ear.
  ear: '<path d="M6.5 9a5.5 5.5 0 0 1 11 0c0 3.4-3.5 4.3-3.5 7.3a3 3 0 0 1-5.6 1.4"/><path d="M9.5 9.5a2.5 2.5 0 0 1 5 0c0 1.4-1.2 2-1.8 2.8"/>',
  // ANNA, always ask: a question in a speech bubble.
  question:
    '<path d="M4 4.5h16v11h-8.5L7 19.5v-4H4z"/><path d="M10 8.6a2.1 2.1 0 1 1 2.9 1.9c-.6.3-.9.7-.9 1.3"/><path d="M12 13.6v.1"/>',
  // NIVEA, do not fill in for someone else: two people each with their own words.
  speech: '<path d="M3 3.5h11v7.5H8.5L5.5 14v-3H3z"/><path d="M17.5 8H21v8h-2.5v3l-3-3H10v-2.5"/>',
  // OEN, open and curious: an open eye.
  eye: '<path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z"/><circle cx="12" cy="12" r="3"/>',
  // DIK, think in qualities: something that grows.
  sprout: '<path d="M12 21v-9"/><path d="M12 12c0-4-2.8-6.5-7.5-6.5 0 4 2.8 6.5 7.5 6.5z"/><path d="M12 14.5c0-3.4 2.4-5.5 6.5-5.5 0 3.4-2.4 5.5-6.5 5.5z"/>',
};

export const ICON_NAMES = Object.keys(PATHS) as IconName[];

/** The icon as a standalone SVG in one colour (`#rrggbb`), `size` units wide and high. */
export function iconSvg(name: IconName, colour: string, size = 24): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" ` +
    `stroke="${colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${PATHS[name]}</svg>`
  );
}

/**
 * The icon drawn white on a rounded square of `fill`: how the house appears in the brand lockup,
 * and how a rule's icon sits on its card, so it reads as a mark rather than a doodle.
 */
export function iconTile(name: IconName, fill: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">` +
    `<rect width="32" height="32" rx="6" fill="${fill}"/>` +
    `<g transform="translate(4 4)" fill="none" stroke="#ffffff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">${PATHS[name]}</g></svg>`
  );
}
