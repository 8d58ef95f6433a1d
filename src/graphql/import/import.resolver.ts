import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { createLoaders } from '../loaders';
import { forgetReads } from '../requestStore';
import { DEFAULT_GRAPHQL_IMPORT, importDataset } from './import.service';
import { ImportFileInput, ImportReport, toImportReport } from './import.type';

@Resolver()
export class ImportResolver {
  @Authorized('EDITOR')
  @Mutation(() => ImportReport, {
    description:
      'Imports small files (a data set in YAML or JSON, or CSV files per record type) as `kizuna import` does: every record is validated first ' +
      '(BAD_USER_INPUT with every problem’s file, line, column, record, field and reason; nothing written), then all are written or none. ' +
      'replace: true (ADMIN) also removes the records the files’ documents no longer state; a record outside the import that refers to one of them ' +
      'makes it fail (CONFLICT, naming each reference) unless cascade: true. Content is capped per request (`kizuna import` takes files of any size).',
  })
  async importDataset(
    @Arg('files', () => [ImportFileInput]) files: ImportFileInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Arg('replace', () => Boolean, { defaultValue: false }) replace: boolean,
    @Arg('cascade', () => Boolean, { defaultValue: false }) cascade: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportReport> {
    // The import is bounded by the content cap, not by the per-request call budget made for reads:
    // it runs on the store itself (the store's import marker keeps imports one at a time).
    const result = await importDataset(ctx.baseStore, files, { dryRun, replace, cascade }, ctx.principal!, ctx.imports ?? DEFAULT_GRAPHQL_IMPORT);
    // What the rest of the operation reads must be the imported state.
    forgetReads(ctx.store);
    ctx.loaders = createLoaders(ctx.store);
    return toImportReport(result);
  }
}
