// The intermediate document model: every material builds one of these, every writer reads one.
// It is a closed union on purpose: writers `switch` over `kind` and end in `assertNever`, so a new
// block or inline kind does not compile until every writer handles it. Lengths are in millimetres
// (print people think in mm), font sizes in points.

/** Page sizes the materials use; cards impose A6/A5 onto A4 themselves (see `CardLayout`). */
export type PageSize = 'A3' | 'A4' | 'A5' | 'A6';

/** A colour role, not a colour: the theme decides what `accent` looks like. */
export type Tone = 'accent' | 'muted' | 'normal';

/** Inline content inside paragraphs, list items, table cells and facts. */
export type Inline =
  /** A run of text, optionally bold/italic or coloured by a tone. */
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean; tone?: Tone }
  /** A clickable link; the visible text may differ from the URL. */
  | { kind: 'link'; text: string; url: string }
  /** A forced line break inside the same paragraph. */
  | { kind: 'lineBreak' };

/** One label/value row of a facts block ("Wanneer" / "dinsdag 10 februari 2026, 19.30 uur"). */
export interface Fact {
  label: string;
  value: Inline[];
}

/** One column of a table: relative width (weights, like CSS `fr`) and alignment. */
export interface TableColumn {
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** Blocks that may appear anywhere, including inside a card, callout or column. */
export type ContentBlock =
  /** A section heading; level 1 is the document title, 2 a section, 3 a subsection. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /**
   * A paragraph; `lead` is a larger intro paragraph, `small` fine print, `display` a short line set
   * large in the accent (the date on a flyer: what a passer-by must read from a notice board).
   */
  | { kind: 'paragraph'; content: Inline[]; style?: 'normal' | 'lead' | 'small' | 'display' }
  /** A bullet (`ordered: false`) or numbered list; each item is one line of inline content; `small` as fine print. */
  | { kind: 'list'; ordered: boolean; items: Inline[][]; style?: 'normal' | 'small' }
  /** A table with one header row; every row has exactly `columns.length` cells. */
  | { kind: 'table'; columns: TableColumn[]; header: Inline[][]; rows: Inline[][][] }
  /** Label/value pairs shown as a compact two-column block: when, where, register. */
  | { kind: 'facts'; items: Fact[] }
  /**
   * A QR code for `data` (usually a URL), `sizeMm` wide, with alt text, an optional caption under it
   * and, under that, the short address to type over: broken over lines only after a "/", never at a
   * hyphen inside it, where a reader could not tell whether the hyphen belongs to the address.
   */
  | { kind: 'qr'; data: string; sizeMm: number; alt: string; caption?: string; address?: string }
  /**
   * An image file (PNG or JPEG, already checked to exist), `widthMm` wide (or the column's width
   * when narrower), with alt text. With `maxHeightMm`, a taller picture is cropped to that height
   * around its middle (a photo as a banner).
   */
  | { kind: 'image'; path: string; widthMm: number; maxHeightMm?: number; alt: string }
  /** A box that stands out from the text, with an optional title and its own blocks. */
  | { kind: 'callout'; tone: 'accent' | 'neutral'; title?: string; blocks: ContentBlock[] }
  /** Side-by-side columns (relative widths), e.g. registration details beside a QR code. */
  | { kind: 'columns'; columns: { width: number; blocks: ContentBlock[] }[] }
  /** A labelled space to write by hand: `lines` ruled lines. */
  | { kind: 'writeLines'; label: string; lines: number }
  /** A labelled row of tick boxes numbered `from`..`to` (a grade 1-10). */
  | { kind: 'scoreBoxes'; label: string; from: number; to: number }
  /** A chart drawn by the writer (vectors in a PDF, an image where the format has no drawing), with alt text. */
  | { kind: 'chart'; chart: Chart; alt: string }
  /** Vertical white space. */
  | { kind: 'spacer'; heightMm: number };

/**
 * A bar chart: one bar per category, left to right, its value written above it; e.g. how many
 * people gave each grade 1-10. The title stands above the drawing as text; `unit` labels the values
 * in a corner of the drawing. Writers share one layout (`document/chart.ts`), so every format draws
 * the same picture.
 */
export interface Chart {
  type: 'bar';
  title: string;
  /** The labels under the bars ("1" ... "10"). */
  categories: string[];
  /** One whole number >= 0 per category; a zero gets no bar and no number. */
  values: number[];
  /** What the values count ("aantal formulieren"), written small at the top left of the drawing. */
  unit: string;
  /** Height of the drawing (bars, numbers and labels, without the title). */
  heightMm: number;
}

/** Every block: content blocks, plus the page-level ones that only a document's top level holds. */
export type Block =
  | ContentBlock
  /** Start a new page. */
  | { kind: 'pageBreak' }
  /**
   * A deck of handout cards, imposed onto sheets according to `layout`; starts on a new page.
   * `name` is printed at every card's foot with its number ("Gouden regels · 3/6"); `printNote`
   * in the sheet's margin says how to print and cut (not on print-shop pages, which have no margin).
   */
  | { kind: 'cards'; layout: CardLayout; cards: Card[]; name?: string; printNote?: string };

/** One handout card: a front with its own blocks, and the back printed behind it. */
export interface Card {
  /** Big title on the front, e.g. "OMA" or "Stille Chris". */
  title: string;
  /** Small line above the title, e.g. "Gouden regel" or "Praktijksituatie". */
  kicker?: string;
  /** Optional line under the title, e.g. an acronym's expansion with its initial letters bold. */
  subtitle?: Inline[];
  /** A small picture beside the kicker (the golden rules each have one). */
  icon?: IconName;
  /** The body of the card. It must fit: writers never shrink a deck's type, they report the card. */
  blocks: ContentBlock[];
  /** Blocks held at the foot of the front, under the body (the "Zo kan het" example). */
  foot?: ContentBlock[];
  /** The back of the card (project name, a line about the approach). */
  back: ContentBlock[];
}

/**
 * How cards are put on paper.
 * - `a4-four`: four A6 cards on an A4 sheet, cut marks, backs on the next page mirrored for
 *   long-edge duplex printing;
 * - `a4-two`: two A5 cards on an A4 sheet (landscape halves), same back handling;
 * - `a6-single`: one card per A6 page with `bleedMm` bleed around it, fronts and backs
 *   alternating, for print shops;
 * - `a4-eight`: eight small cards (two columns, four rows) on an A4 sheet, cut marks, backs as
 *   above: name badges for a clip or a sleeve.
 */
export type CardLayout =
  | { kind: 'a4-four' }
  | { kind: 'a4-eight' }
  | { kind: 'a4-two' }
  | { kind: 'a6-single'; bleedMm: number };

/** Page setup and running header/footer of a document. */
export interface PageSetup {
  size: PageSize;
  orientation: 'portrait' | 'landscape';
  /** Margins in mm: top, right, bottom, left. */
  marginsMm: [number, number, number, number];
  /** Small text at the top of every page (e.g. the material's name); omitted when absent. */
  header?: string;
  /**
   * The organisation's logo, at most `heightMm` tall and `widthMm` wide (a wide logo is scaled to
   * the width); its path is in `allowedFiles`. Beside the brand on the first page (or at the right
   * of the running header when there is no brand), and on card backs.
   */
  logo?: { path: string; heightMm: number; widthMm: number; alt: string };
  /** The brand lockup at the top of the first page; the running header then starts on page 2. */
  brand?: Brand;
  /**
   * Footer: organisation names on the left and, when `pageLabel` is given, the page number on the
   * right, written with `{page}` and `{pages}` ("pagina {page} van {pages}"), so writers hold no words.
   * A document of one page shows no page number.
   */
  footer?: { text: string; pageLabel?: string };
}

/**
 * Visual theme: the accent colour as `#rrggbb` (bands, rules, headings, boxes) and how large the
 * text is read: `large` for what residents receive (body 12.5 pt instead of 11), `poster` for an A3
 * poster read from a few steps away (the large type scaled up as A4 is to A3).
 */
export interface Theme {
  accent: string;
  reading?: 'standard' | 'large' | 'poster' | 'poster-a3';
}

/** The pictures writers can draw (see icons.ts): one per golden rule, and the house of the approach. */
export type IconName = 'house' | 'hand' | 'ear' | 'question' | 'speech' | 'eye' | 'sprout';

/**
 * The Welkome Wijk mark as a lockup with the area's name: "Welkome Wijk" beside the house, the
 * place under it. Shown at the top of a document's first page (with the logo) and on card backs.
 */
export interface Brand {
  wordmark: string;
  place: string;
}

/**
 * Who a document is for. `public` documents may be handed to anyone (invitations, programmes,
 * cards); `team` documents are for the organisers and the pair (run sheets) and may name them.
 */
export type Visibility = 'public' | 'team';

/** Document metadata written into the file (PDF info, DOCX core properties). */
export interface DocumentMeta {
  title: string;
  subject?: string;
  author: string;
  /** BCP 47 tag of the document's language, e.g. `nl-NL` (DOCX `w:lang`, PDF /Lang). */
  language: string;
  visibility: Visibility;
  /** Creation and modification date in the file: fixed, so outputs are deterministic. */
  date: Date;
  keywords?: string[];
}

/** A whole document: what every material produces and every writer consumes. */
export interface Document {
  meta: DocumentMeta;
  page: PageSetup;
  theme: Theme;
  blocks: Block[];
  /** Files the writer may read (fonts are the writer's own): logo paths referenced by image blocks. */
  allowedFiles: string[];
}

/** Every block kind, for tests and exhaustive checks. */
export type BlockKind = Block['kind'];
