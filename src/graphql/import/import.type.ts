import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { LoggedImportResult } from '../../ingest/import/loggedImport';
import { COLLECTION_ORDER, COLLECTION_LABEL } from '../../ingest/import/records';
import { TYPE_OF_LABEL } from '../node/mappers';

export const ImportFileFormatEnum = { YAML: 'YAML', JSON: 'JSON', CSV: 'CSV' } as const;
registerEnumType(ImportFileFormatEnum, { name: 'ImportFileFormat', description: 'A data-set file (YAML or JSON) or a CSV file of one record type (docs/dataset-format.md).' });

/** PEOPLE, VISITS, …: the collections of the data-set format, and the two attachment files. */
export const ImportCsvTypeEnum = Object.fromEntries([...COLLECTION_ORDER, 'memberships', 'citations'].map((c) => [c.toUpperCase(), c.toUpperCase()])) as Record<string, string>;
registerEnumType(ImportCsvTypeEnum, {
  name: 'ImportCsvType',
  description: 'What the rows of a CSV file are: records of one type (the columns of docs/dataset-format.md), or MEMBERSHIPS / CITATIONS rows attached to records of the other files.',
});

@InputType({ description: 'One file of an import, sent as text.' })
export class ImportFileInput {
  @Field(() => String, { description: 'The file’s text (UTF-8).' })
  content!: string;

  @Field(() => ImportFileFormatEnum)
  format!: keyof typeof ImportFileFormatEnum;

  @Field(() => ImportCsvTypeEnum, { nullable: true, description: 'CSV only (required there): what the rows are.' })
  csvType?: string | null;

  @Field(() => String, { nullable: true, description: 'What problems and the change log (`importFile`) call the file; default upload-<n>.yaml, people.csv, ….' })
  name?: string | null;
}

@ObjectType({ description: 'What an import did (or, in a dry run, would do) to the records of one type.' })
export class ImportTypeSummary {
  @Field(() => String, { description: 'The collection of the data-set format: people, visits, ….' })
  collection!: string;

  @Field(() => String, { description: 'The GraphQL type of its records: Person, Visit, ….' })
  type!: string;

  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) deleted!: number;
}

@ObjectType({ description: 'The result of importDataset: the summary per type, as `kizuna import` prints it.' })
export class ImportReport {
  @Field(() => Boolean, { description: 'true: nothing was written; the summary says what the import would do.' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Records in the files.' })
  records!: number;

  @Field(() => [ImportTypeSummary], { description: 'Types the import touched, in the format’s order (types with all counts 0 left out).' })
  summary!: ImportTypeSummary[];

  @Field(() => Int, { description: 'Change-log entries appended (one per created, updated or deleted record; none in a dry run).' })
  logged!: number;
}

export function toImportReport(result: LoggedImportResult): ImportReport {
  const summary = COLLECTION_ORDER.filter((c) => Object.values(result.summary[c]).some((n) => n > 0)).map((c) => ({
    collection: c,
    type: TYPE_OF_LABEL[COLLECTION_LABEL[c]].name,
    ...result.summary[c],
  }));
  return { dryRun: result.dryRun, records: result.records, summary, logged: result.logged };
}
