// The Typst program that lays out every document: fixed code that reads all user text as JSON data.
//
// Nothing from the Document is ever spliced into this source. Strings arrive through `sys.inputs`
// and are placed with `text(...)`, which prints a string as it is: no markup, no smart quotes, no
// `#` code. The program imports no package and reads no file except the ones the writer maps
// (images under /files/), so it needs neither the network nor the disk.

/** The key under which the writer passes the JSON data in `sys.inputs`. */
export const INPUT_KEY = 'welkome-wijk';

/** Labels the writer queries after layout. */
export const OVERFLOW_LABEL = '<ww-overflow>';
export const DECK_LABEL = '<ww-deck>';

export const TEMPLATE = String.raw`
#let data = json(bytes(sys.inputs.at("welkome-wijk")))
#let F = data.font
#let P = data.palette
// Design tokens shared with the other writers (src/document/theme.ts): sizes in pt, paper in mm.
#let S = data.type
// Line heights as multiples of the line box (theme.ts LINE, converted).
#let L = data.lines
#let CT = data.cardType
#let BR = data.brand
#let SP = data.space
#let MM = data.sizeMm
#let accent = rgb(P.accent)
#let accent-text = rgb(P.accentText)
#let accent-tint = rgb(P.accentTint)
#let ink = rgb(P.text)
#let soft = rgb(P.soft)
#let muted = rgb(P.muted)
#let rule = rgb(P.rule)
#let neutral-tint = rgb(P.neutralTint)

// Line height as a multiple of the font's own line box (ascender to descender), as pdfmake measures it.
#let leading(lh) = (lh - 1) * F.lineBox * 1em

#let meta = data.meta
#let doc-args = (
  title: meta.title,
  author: meta.author,
  keywords: meta.keywords,
  date: datetime(year: meta.date.year, month: meta.date.month, day: meta.date.day,
    hour: meta.date.hour, minute: meta.date.minute, second: meta.date.second),
)
#if meta.subject != none { doc-args.insert("description", meta.subject) }
#set document(..doc-args)

// One family, no fallback: a missing glyph shows as a gap in our font rather than pulling in
// whatever font this machine happens to have. Hyphenation follows the document's language; with
// ragged-right text, Typst's default greedy line breaking hyphenates wherever a word would not
// fit, so lines are broken "optimized" (balanced) with hyphens made dearer: they appear where
// they save a very short line, mostly in Dutch compounds in narrow columns.
#let lang-args = if meta.region != none { (lang: meta.lang, region: meta.region) } else { (lang: meta.lang) }
#set text(..lang-args)
#set text(font: F.families, fallback: false, weight: F.regular, size: S.body * 1pt, fill: ink,
  top-edge: F.ascender * 1em, bottom-edge: -F.descender * 1em, hyphenate: true, costs: (hyphenation: 300%))
#set par(leading: leading(L.body), spacing: 0pt, justify: false, linebreaks: "optimized")

// ---------------------------------------------------------------- inline content

#let tone-fill(tone) = if tone == "accent" { accent-text } else if tone == "muted" { muted } else { none }

#let inl(runs) = {
  for (i, r) in runs.enumerate() {
    if r.kind == "text" {
      let args = (:)
      if r.bold { args.insert("weight", F.bold) }
      if r.italic { args.insert("style", "italic") }
      let fill = tone-fill(r.tone)
      if fill != none { args.insert("fill", fill) }
      text(..args, r.text)
    } else if r.kind == "link" {
      // No hyphen may be added inside an address someone has to type over. Only web addresses are
      // underlined: on paper a phone number or e-mail address is something to read, not to click.
      let shown = text(fill: accent-text, hyphenate: false, r.text)
      link(r.url, if r.url.starts-with("http") { underline(stroke: 0.5pt + accent, offset: 1.6pt, shown) } else { shown })
    } else if r.kind == "lineBreak" {
      linebreak()
      // A break that ends its text still holds an empty line, as in Word and in pdfmake (a table row
      // made two lines high to write in): Typst drops a trailing break unless a line follows it.
      if i == runs.len() - 1 { sym.zws }
    } else {
      panic("unknown inline kind " + r.kind)
    }
  }
}

// ---------------------------------------------------------------- blocks

#let heading-styles = (
  "1": (size: S.h1, lh: L.h1, fill: ink),
  "2": (size: S.h2, lh: L.h2, fill: accent-text),
  "3": (size: S.h3, lh: L.h3, fill: ink),
)
#let heading-styles = heading-styles.pairs().map(((level, st)) =>
  (level, st + (top: SP.headingBefore.at(level) * 1pt, bottom: SP.headingAfter.at(level) * 1pt))).to-dict()

// pdfmake puts a line's extra height (line height above 1) below the line, so every text block
// ends with that much air; Typst ends a block at the last line. Adding it keeps the two engines'
// rhythm alike.
#let slack(size, lh) = (lh - 1) * F.lineBox * size

#let paragraph-styles = (
  normal: (size: S.body * 1pt, lh: L.body, fill: ink, bottom: 1),
  lead: (size: S.lead * 1pt, lh: L.lead, fill: soft, bottom: 1.5),
  small: (size: S.small * 1pt, lh: L.body, fill: muted, bottom: 1),
  display: (size: S.display * 1pt, lh: L.display, fill: accent-text, bottom: 0.75, weight: F.bold),
)

// Space above and below a block, added to its neighbour's (as pdfmake does) rather than collapsed
// (as Typst does), so the page has the same rhythm in both engines.
#let spacing(b, s) = {
  let gap = SP.paragraph * 1pt * s
  if b.kind == "heading" {
    let st = heading-styles.at(str(b.level))
    (st.top * s, st.bottom * s + slack(st.size * s * 1pt, st.lh))
  } else if b.kind == "paragraph" {
    let st = paragraph-styles.at(b.style)
    (0pt, gap * st.bottom + slack(st.size * s, st.lh))
  } else if b.kind == "list" {
    (0pt, gap + slack(S.body * s * 1pt, L.body))
  } else if b.kind in ("table", "facts") {
    (2pt * s, gap * 1.5)
  } else if b.kind in ("qr", "image", "callout", "columns", "writeLines", "scoreBoxes", "chart") {
    (4pt * s, gap * 1.5)
  } else {
    (0pt, 0pt)
  }
}

// A heading keeps its look (model level) and its place in the structure (tag) apart: the tag
// sequence must start at H1 and not skip levels for PDF/UA, whatever the template's levels are.
// Large text keeps its size when the body is set larger for residents (1.2×); only a poster's
// scale beyond that makes it grow, by as much as the poster's body grew beyond the residents' size.
#let poster-scale(s) = calc.max(1, s / 1.2)

#let heading-block(b, s, above) = {
  let st = heading-styles.at(str(b.level))
  // In the page flow a heading keeps its size when the body text is set larger for residents: it
  // is large enough already, and the page must still hold a flyer's text.
  // On an A3 poster (a scale beyond the residents' one) headings grow with the page, as A3 is A4 enlarged.
  let hs = if b.sticky { poster-scale(s) } else { s }
  show heading: it => block(above: above, below: 0pt, sticky: b.sticky, breakable: false, width: 100%, {
    set text(size: st.size * hs * 1pt, weight: F.bold, fill: st.fill, hyphenate: false)
    set par(leading: leading(st.lh))
    it.body
    if b.level == 1 {
      // A short accent rule marks the title without colouring the whole heading.
      block(above: 7pt * hs + slack(st.size * hs * 1pt, st.lh), below: 0pt, line(length: MM.titleRule * 1mm, stroke: 2.5pt + accent))
    }
  })
  heading(level: b.tag, outlined: b.bookmark, bookmarked: b.bookmark, b.text)
}

#let label-line(t, s) = block(above: 0pt, below: 0pt,
  par(text(size: S.body * s * 1pt, weight: F.bold, fill: ink, t)))
// What follows a label line: a small gap plus the line's slack (spacing is added by hand, since
// Typst would collapse it with the next block's).
#let after-label(s) = 2pt * s + slack(S.body * s * 1pt, L.body)

// The height of the page's text area, for keeping tables whole when they fit (set by each flow).
#let body-room = state("ww-body-room", 10000pt)

#let render-blocks(bs, s) = {
  let gap = SP.paragraph * 1pt * s
  let body-lead = slack(S.body * s * 1pt, L.body)
  let prev = 0pt
  for b in bs {
    let (space-above, space-below) = spacing(b, s)
    let above = prev + space-above
    prev = space-below
    if b.kind == "heading" {
      heading-block(b, s, above)
    } else if b.kind == "paragraph" {
      let st = paragraph-styles.at(b.style)
      // Lead and display text are large already: the residents' larger reading size is for the body.
      // On an A3 poster they grow with the page (see poster-scale).
      let ps = if b.style in ("lead", "display") { poster-scale(s) } else { s }
      block(above: above, below: 0pt, width: 100%, {
        set text(size: st.size * ps, fill: st.fill, weight: st.at("weight", default: F.regular))
        set par(leading: leading(st.lh))
        par(inl(b.content))
      })
    } else if b.kind == "list" {
      block(above: above, below: 0pt, width: 100%, {
        let st = paragraph-styles.at(b.style)
        set text(size: st.size * s, fill: st.fill)
        let between = 2.5pt * s + body-lead
        set list(marker: text(fill: accent-text, weight: F.bold, "•"), indent: 0pt, body-indent: 7pt * s, spacing: between)
        set enum(numbering: n => text(fill: accent-text, weight: F.bold, str(n) + "."), indent: 0pt,
          body-indent: 6pt * s, spacing: between)
        let items = b.items.map(it => par(inl(it)))
        if b.ordered { enum(..items) } else { list(..items) }
      })
    } else if b.kind == "table" {
      let last = b.rows.len()
      let size = S.table * s * 1pt
      let aligns = b.columns.map(c => if c.align == "right" { right } else if c.align == "center" { center } else { left })
      // A table that fits on a page is kept whole (moved to the next page if need be); a longer
      // one breaks between rows, with its header row repeated.
      let tbl = {
        set text(size: size)
        set par(leading: leading(L.table))
        // A row is never split over two pages; Typst keeps a header row with the first row by itself.
        set table.cell(breakable: false)
        let cells = if last > 0 { b.rows.map(r => r.map(c => par(inl(c)))).join() } else { () }
        table(
          columns: b.columns.map(c => c.width * 1fr),
          align: (x, y) => aligns.at(x) + top,
          inset: (x: SP.cellX * 1pt, top: SP.cellY * 1pt * s, bottom: SP.cellY * 1pt * s + slack(size, L.table)),
          fill: (x, y) => if y == 0 { neutral-tint } else { none },
          stroke: (x, y) => (
            top: if y == 1 { 0.9pt + muted } else if y > 1 { 0.5pt + rule } else { none },
            bottom: if y == last and last > 0 { 0.9pt + muted } else { none },
          ),
          table.header(..b.header.map(c => par(text(weight: F.bold, fill: ink, inl(c))))),
          ..cells,
        )
      }
      block(above: above, below: 0pt, width: 100%, layout(room => {
        let whole = measure(block(width: room.width, tbl)).height
        block(breakable: whole > body-room.get(), below: 0pt, tbl)
      }))
    } else if b.kind == "facts" {
      // A single accent bar groups the facts as "the practical bit" without drawing a box.
      let size = S.body * s * 1pt
      block(above: above, below: 0pt, width: 100%, stroke: (left: 2.5pt + accent),
        inset: (left: 10pt, top: 1pt, bottom: 1pt + slack(size, L.facts)), {
        // An address or a date split by a hyphen is harder to read (and to type over).
        set text(size: size, hyphenate: false)
        set par(leading: leading(L.facts))
        grid(columns: (auto, 1fr), column-gutter: 14pt, row-gutter: 4.5pt * s + slack(size, L.facts),
          ..b.items.map(f => (par(text(weight: F.bold, fill: ink, f.label)), par(inl(f.value)))).join())
      })
    } else if b.kind == "qr" {
      block(above: above, below: 0pt, breakable: false, width: 100%, layout(room => {
        let size = calc.min(b.sizeMm * 1mm, room.width)
        image(bytes(b.svg), format: "svg", width: size, alt: b.alt)
        // At least two modules of white between code and caption helps scanners find the edge.
        let gap = calc.max(5pt * s, 2 * size / b.modules)
        let label = (size: S.label * 1pt * calc.min(s, 1), weight: F.bold, fill: accent-text, hyphenate: false)
        if b.caption != none {
          block(above: gap, below: 0pt, par(text(..label, b.caption)))
        }
        if b.address != none {
          // Each piece of the address in a box: lines break only after a "/", never at its hyphens.
          block(above: if b.caption != none { 2pt } else { gap }, below: 0pt,
            par(text(..label, b.address.map(part => box(part)).join(sym.zws))))
        }
      }))
    } else if b.kind == "image" {
      block(above: above, below: 0pt, breakable: false, width: 100%, layout(room => {
        let w = calc.min(b.widthMm * 1mm, room.width)
        let picture = image(b.file, width: w, alt: b.alt)
        // Taller than allowed: cropped around its middle to the height, as a banner.
        if b.maxHeightMm != none and measure(picture).height > b.maxHeightMm * 1mm {
          picture = image(b.file, width: w, height: b.maxHeightMm * 1mm, fit: "cover", alt: b.alt)
        }
        // An image without alt text is decoration: left out of the structure instead of unlabelled.
        if b.alt == none { pdf.artifact(picture) } else { picture }
      }))
    } else if b.kind == "callout" {
      let pad = SP.callout * 1pt * s
      block(above: above, below: 0pt, breakable: false, width: 100%, inset: (x: pad, y: pad * 0.85),
        fill: if b.tone == "accent" { accent-tint } else { neutral-tint }, {
        if b.title != none {
          block(above: 0pt, below: if b.blocks.len() > 0 { 4pt * s + body-lead } else { 0pt },
            par(text(size: S.body * s * 1pt, weight: F.bold, fill: if b.tone == "accent" { accent-text } else { ink }, b.title)))
        }
        render-blocks(b.blocks, s)
      })
    } else if b.kind == "columns" {
      block(above: above, below: 0pt, breakable: false, width: 100%,
        grid(columns: b.columns.map(c => c.width * 1fr), column-gutter: 14pt * s,
          ..b.columns.map(c => render-blocks(c.blocks, s))))
    } else if b.kind == "writeLines" {
      let g = MM.writeLine * 1mm * s
      block(above: above, below: 0pt, breakable: false, width: 100%, {
        label-line(b.label, s)
        block(above: after-label(s), below: 0pt, width: 100%, height: g * b.lines,
          for i in range(b.lines) { place(top + left, dy: g * (i + 1), line(length: 100%, stroke: 0.6pt + rule)) })
      })
    } else if b.kind == "scoreBoxes" {
      let count = calc.max(0, b.to - b.from + 1)
      block(above: above, below: 0pt, breakable: false, width: 100%, {
        label-line(b.label, s)
        if count > 0 {
          // A strong gap: block spacing at the top of layout()'s own container would be dropped.
          v(after-label(s) + 3pt * s)
          layout(room => {
            let cg = MM.scoreGap * 1mm * s
            // Shrink the boxes rather than wrap: a grade scale only reads as one row.
            let bx = calc.min(MM.scoreBox * 1mm * s, (room.width - cg * (count - 1)) / count)
            block(above: 0pt, below: 0pt, grid(columns: (bx,) * count, column-gutter: cg,
              ..range(count).map(i => {
                align(center, text(size: S.label * 1pt * s, fill: muted, str(b.from + i)))
                v(2pt + slack(S.label * 1pt * s, L.body), weak: false)
                rect(width: bx, height: bx, radius: 2pt, stroke: 0.8pt + muted)
              })))
          })
        }
      })
    } else if b.kind == "chart" {
      // The title is text; the drawing is one figure whose alt text carries the numbers for a screen
      // reader. Laid out for the page's text column (L.width mm), stretched to the room it gets.
      let L = b.layout
      block(above: above, below: 0pt, breakable: false, width: 100%, {
        label-line(b.title, s)
        v(after-label(s) + 1pt, weak: false)
        layout(room => {
          let k = room.width / (L.width * 1mm)
          let mm-x(v) = v * k * 1mm
          figure(alt: b.alt, kind: "chart", supplement: none, numbering: none, outlined: false, gap: 0pt,
            block(width: room.width, height: L.height * 1mm, above: 0pt, below: 0pt, {
              for r in L.bars {
                place(top + left, dx: mm-x(r.x), dy: r.y * 1mm, rect(width: mm-x(r.w), height: r.h * 1mm, fill: accent, stroke: none))
              }
              place(top + left, dy: L.baseline.y * 1mm,
                line(start: (mm-x(L.baseline.x1), 0pt), end: (mm-x(L.baseline.x2), 0pt), stroke: L.baseline.widthPt * 1pt + muted))
              for t in L.texts {
                let body = text(size: t.sizePt * 1pt, fill: if t.tone == "muted" { muted } else { ink }, hyphenate: false, t.text)
                if t.anchor == "middle" {
                  place(top + left, dx: mm-x(t.x - t.slot / 2), dy: t.top * 1mm, box(width: mm-x(t.slot), align(center, body)))
                } else {
                  place(top + left, dx: mm-x(t.x), dy: t.top * 1mm, body)
                }
              }
            }))
        })
      })
    } else if b.kind == "spacer" {
      // Extra room before whatever comes next; like other spacing, dropped at the top of a page.
      prev = above + b.heightMm * 1mm
    } else if b.kind == "pageBreak" {
      pagebreak(weak: true)
      prev = 0pt
    } else {
      panic("unknown block kind " + b.kind)
    }
  }
}

// ---------------------------------------------------------------- the brand

// The house tile is decoration: the words beside it say what it stands for.
#let tile(svg, size) = pdf.artifact(image(bytes(svg), format: "svg", width: size))

// "Welkome Wijk" with the place under it, beside the house: the lockup of every first page.
#let lockup(b, s) = grid(columns: (BR.tileMm * 1mm * s, auto), column-gutter: 3mm * s, align: horizon,
  tile(b.tile, BR.tileMm * 1mm * s),
  block({
    set par(leading: leading(1))
    text(size: BR.wordmark * 1pt * s, weight: F.bold, fill: ink, hyphenate: false, b.wordmark)
    linebreak()
    text(size: BR.place * 1pt * s, weight: F.bold, fill: accent-text, hyphenate: false, b.place)
  }))

// The same, stacked and centred: on card backs.
#let lockup-stacked(b, s) = {
  set align(center)
  tile(b.tile, BR.tileMm * 1mm * s)
  v(2.5mm * s)
  set par(leading: leading(1))
  text(size: BR.wordmark * 1pt * s, weight: F.bold, fill: ink, hyphenate: false, b.wordmark)
  linebreak()
  text(size: BR.place * 1pt * s, weight: F.bold, fill: accent-text, hyphenate: false, b.place)
}

#let logo-image(l) = image(l.file, width: l.w * 1mm, height: l.h * 1mm, alt: l.alt)

// The top of a first page: the lockup and the organisation's logo, over an accent rule.
#let masthead(run) = block(above: 0pt, below: 0pt, width: 100%, breakable: false, {
  grid(columns: (1fr, auto), align: (left + horizon, right + horizon), column-gutter: 6mm,
    lockup(run.brand, 1),
    if run.logo != none { logo-image(run.logo) })
  v(3mm)
  line(length: 100%, stroke: 1.6pt + accent)
})

// ---------------------------------------------------------------- page flow

#let running(t) = text(size: S.running * 1pt, fill: muted, hyphenate: false, t)

#let flow(run) = {
  let m = run.margins
  // With a masthead on its first page, the running header (and a logo) starts on the second.
  let masthead-page(n) = run.brand != none and run.first and n == 1
  let header = if run.header != none or run.logo != none {
    context {
      if not masthead-page(here().page()) {
        block(width: 100%, height: 100%, {
          if run.header != none {
            place(top + left, dy: run.headerTopPt * 1pt, running(text(tracking: 0.3pt, run.header)))
          }
          if run.logo != none and run.brand == none {
            // A small logo at the right of the header line, centred on it, never reaching the text.
            let h = calc.min(run.logo.h * 1mm, m.top * 1mm - run.headerTopPt * 1pt - 4pt)
            let centre = run.headerTopPt * 1pt + S.running * F.lineBox * 0.5pt
            place(top + right, dy: centre - h / 2, image(run.logo.file, height: h, alt: run.logo.alt))
          }
        })
      }
    }
  }
  let footer = if run.footer != none {
    block(width: 100%, height: 100%, place(top + left, dy: run.footerTopPt * 1pt, {
      grid(columns: (1fr, auto), column-gutter: 12pt,
        running(run.footer.text),
        if run.footer.label != none {
          context {
            let n = here().page() - run.cardPagesBefore
            let total = counter(page).final().first() - data.totalCardPages
            // A page number on a document of one page only says what anyone can see.
            if total > 1 {
              running(run.footer.label.map(part =>
                if part.kind == "page" { str(n) } else if part.kind == "pages" { str(total) } else { part.text }).join())
            }
          }
        })
    }))
  }
  page(width: run.width * 1mm, height: run.height * 1mm,
    margin: (top: m.top * 1mm, right: m.right * 1mm, bottom: m.bottom * 1mm, left: m.left * 1mm),
    header: header, header-ascent: 0pt, footer: footer, footer-descent: 0pt, {
      body-room.update((run.height - m.top - m.bottom) * 1mm)
      if run.brand != none and run.first { masthead(run) }
      render-blocks(run.blocks, run.scale)
    })
}

// ---------------------------------------------------------------- cards

#let box-at(r, body) = place(top + left, dx: r.x * 1mm, dy: r.y * 1mm, body)
#let fill-rect(r, colour) = box-at(r, rect(width: r.w * 1mm, height: r.h * 1mm, fill: colour, stroke: none))

// The card's body size rather than the page's: an A6 card holds a few short lines.
#let card-body-scale(s) = s * CT.body / S.body

// The front's text from the top: kicker, title, subtitle, a short rule, the body.
#let front-top(card, s) = {
  // The icon sits at the top right; kicker and title keep clear of it.
  let clear = if card.icon != none { (MM.cardIcon + 3) * 1mm * s } else { 0pt }
  let after = 0pt
  if card.icon != none {
    place(top + right, tile(card.icon, MM.cardIcon * 1mm * s))
  }
  block(above: 0pt, below: 0pt, inset: (right: clear), width: 100%, {
    if card.kicker != none {
      block(above: 0pt, below: 0pt,
        par(text(size: CT.kicker * 1pt * s, weight: F.bold, tracking: 1.1pt * s, fill: accent-text, hyphenate: false, card.kicker)))
      after = 3pt * s + slack(CT.kicker * 1pt * s, L.body)
    }
    {
      show heading: it => block(above: after, below: 0pt, breakable: false, width: 100%, {
        set text(size: CT.title * 1pt * s, weight: F.bold, fill: ink, hyphenate: false)
        set par(leading: leading(L.cardTitle))
        it.body
      })
      heading(level: card.title.tag, outlined: true, bookmarked: true, card.title.text)
    }
  })
  after = slack(CT.title * 1pt * s, L.cardTitle)
  if card.subtitle != none {
    block(above: after + 4pt * s, below: 0pt, {
      set text(size: CT.subtitle * 1pt * s, fill: soft)
      set par(leading: leading(L.cardSubtitle))
      par(inl(card.subtitle))
    })
    after = slack(CT.subtitle * 1pt * s, L.cardSubtitle)
  }
  if card.blocks.len() > 0 {
    block(above: after + 8pt * s, below: 8pt * s, line(length: 10mm * s, stroke: 1.2pt + accent))
    render-blocks(card.blocks, card-body-scale(s))
  }
}

// The front's foot: the example box, then the deck's name and the card's number.
#let front-foot(card, s) = {
  if card.foot.len() > 0 {
    block(above: 0pt, below: 6pt * s, render-blocks(card.foot, card-body-scale(s)))
  }
  block(above: 0pt, below: 0pt, width: 100%,
    text(size: CT.foot * 1pt * s, fill: muted, hyphenate: false, card.footLine))
}

// The least room between body and foot: the foot never touches the text above it.
#let foot-gap(s) = 6pt * s

#let front-height(slot, card, s) = {
  let w = slot.content.w * 1mm
  measure(block(width: w, front-top(card, s))).height + foot-gap(s) + measure(block(width: w, front-foot(card, s))).height
}

#let back-content(d, card, s) = {
  // Centred lines are short and few; a hyphen there only looks like a mistake.
  set align(center)
  set text(hyphenate: false)
  if d.brand != none {
    lockup-stacked(d.brand, s)
    block(above: 8pt * s, below: 8pt * s, line(length: 10mm * s, stroke: 1.2pt + accent))
  }
  render-blocks(card.back, card-body-scale(s))
}

#let back-height(d, slot, card, s) = {
  let logo = if d.logo != none { d.logo.h * 1mm + 8pt * s } else { 0pt }
  measure(block(width: slot.content.w * 1mm, back-content(d, card, s))).height + logo
}

#let deck(d) = context {
  // One type size for every card of a deck: nothing is shrunk to fit, a card that does not fit is reported.
  let s = d.base
  let report = ()
  for sheet in d.sheets {
    for f in sheet.front {
      let excess = front-height(f, d.cards.at(f.card), s) - f.content.h * 1mm
      if excess > 0.5pt { report.push((deck: d.index, card: f.card, face: "front", excessMm: excess / 1mm, roomMm: f.content.h)) }
    }
    for f in sheet.back {
      let excess = back-height(d, f, d.cards.at(f.card), s) - f.content.h * 1mm
      if excess > 0.5pt { report.push((deck: d.index, card: f.card, face: "back", excessMm: excess / 1mm, roomMm: f.content.h)) }
    }
  }
  for (i, sheet) in d.sheets.enumerate() {
    page(width: d.width * 1mm, height: d.height * 1mm, margin: 0pt, header: none, footer: none, {
      if i == 0 {
        [#metadata((deck: d.index, front: s, back: s)) <ww-deck>]
        for r in report { [#metadata(r) <ww-overflow>] }
      }
      if d.slug != none {
        let tagged = d.slug.tag != none and i == 0
        let title = if tagged {
          show heading: it => text(size: S.running * 1pt, weight: F.regular, fill: muted, hyphenate: false, it.body)
          heading(level: d.slug.tag, outlined: true, bookmarked: true, d.slug.text)
        } else {
          pdf.artifact(text(size: S.running * 1pt, fill: muted, hyphenate: false, d.slug.text))
        }
        if d.slug.visible {
          box-at(d.slug.box, box(width: d.slug.box.w * 1mm, height: d.slug.box.h * 1mm, clip: true, title))
        } else if tagged {
          // No margin to print it in (a print-shop page is the card plus bleed): the title is
          // there for assistive technology and the viewer's title bar, clipped to nothing on paper.
          box-at(d.slug.box, box(width: d.slug.box.w * 1mm, height: 0pt, clip: true, title))
        }
      }
      if d.note != none {
        // How to print and cut: for whoever stands at the printer, not part of the cards' text.
        box-at(d.note.box, box(width: d.note.box.w * 1mm, height: d.note.box.h * 1mm, clip: true,
          align(right, pdf.artifact(text(size: S.running * 1pt, fill: muted, hyphenate: false, d.note.text)))))
      }
      for f in sheet.front {
        fill-rect(f.band, accent)
        let card = d.cards.at(f.card)
        box-at(f.content, block(width: f.content.w * 1mm, height: f.content.h * 1mm, {
          front-top(card, s)
          // The foot is held at the bottom of the card, however long the text above it.
          place(bottom + left, block(width: 100%, front-foot(card, s)))
        }))
      }
      for m in sheet.marks {
        place(top + left, line(start: (m.x1 * 1mm, m.y1 * 1mm), end: (m.x2 * 1mm, m.y2 * 1mm), stroke: 0.4pt + black))
      }
    })
    // Backs sit at the mirrored slots so a long-edge duplex print puts each back behind its front.
    page(width: d.width * 1mm, height: d.height * 1mm, margin: 0pt, header: none, footer: none, {
      for f in sheet.back {
        fill-rect(f.tint, accent-tint)
        fill-rect(f.band, accent)
        let card = d.cards.at(f.card)
        let body = block(width: f.content.w * 1mm, height: f.content.h * 1mm, {
          align(center + horizon, back-content(d, card, s))
          if d.logo != none { place(bottom + center, logo-image(d.logo)) }
        })
        box-at(f.content, if f.artifact { pdf.artifact(body) } else { body })
      }
      for m in sheet.marks {
        place(top + left, line(start: (m.x1 * 1mm, m.y1 * 1mm), end: (m.x2 * 1mm, m.y2 * 1mm), stroke: 0.4pt + black))
      }
    })
  }
}

// ---------------------------------------------------------------- the document

#for run in data.runs {
  if run.kind == "flow" { flow(run) } else { deck(run) }
}
`;
