import { Field, ObjectType } from 'type-graphql';
import { Entity, Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'Provenance: a passage of a source document.' })
export class Source extends Entity {
  @Field(() => String)
  document!: string;

  @Field(() => String)
  section!: string;

  @Field(() => String, { description: 'The source’s own words.' })
  quote!: string;

  @Field(() => String)
  lang!: string;
}

@ObjectType({ description: 'A source a record cites; where sources disagree, each reading is kept and one is marked canonical.' })
export class Citation {
  @Field(() => Source)
  source!: Source;

  @Field(() => String, { nullable: true, description: 'The field this citation speaks to, when it is about one field.' })
  field?: string | null;

  @Field(() => String, { nullable: true, description: 'What this source says the field is.' })
  reading?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether this reading is the one chosen as canonical.' })
  canonical?: boolean | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
