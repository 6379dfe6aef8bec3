// Writes outputs that do not come from the materials registry (the results report, made from answers
// `render all` does not have): every document through each requested format's writer, all rendered in
// memory first and then written atomically, as render.ts does for the registry's materials.
import { join } from 'node:path';
import type { MaterialContext, Output } from '../materials/context.js';
import { WRITERS, writeDocumentWith, type Writer, type WriterId } from '../writers/index.js';
import { projectFolder, writeFileAtomic } from './files.js';

export interface WrittenOutput {
  path: string;
  writer: WriterId;
  bytes: number;
}

/** Render `outputs` in `formats` into the project's folder under `outDir`; returns what was written. */
export async function writeOutputs(
  ctx: MaterialContext,
  outputs: readonly Output[],
  req: { formats: string[]; outDir: string; preferredWriters?: string[]; onFallback?: (from: Writer<'document'>, to: Writer<'document'>, reason: Error) => void },
): Promise<WrittenOutput[]> {
  const folder = projectFolder(req.outDir, ctx.municipality, ctx.area.name);
  const pending: { path: string; writer: WriterId; bytes: Uint8Array }[] = [];
  for (const output of outputs) {
    if (output.kind === 'calendar') {
      pending.push({ path: join(folder, `${output.name}.ics`), writer: 'ics', bytes: await (await WRITERS.ics.load())(output.calendar) });
      continue;
    }
    for (const format of req.formats) {
      // The requested engine, with pdfmake taking over where Typst cannot load, as for every material.
      const { writer, bytes } = await writeDocumentWith(output.document, format, req.preferredWriters, req.onFallback);
      pending.push({ path: join(folder, `${output.name}.${writer.extension}`), writer: writer.id as WriterId, bytes });
    }
  }
  for (const file of pending) writeFileAtomic(file.path, file.bytes);
  return pending.map((f) => ({ path: f.path, writer: f.writer, bytes: f.bytes.byteLength }));
}
