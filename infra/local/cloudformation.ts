import { readFileSync } from 'node:fs';
import { parse, type Tags } from 'yaml';

// CloudFormation short-form tags, read as their long form so plain YAML tools accept them.
const INTRINSICS = [
  'Ref',
  'GetAtt',
  'Join',
  'Sub',
  'If',
  'Equals',
  'Select',
  'Split',
  'FindInMap',
  'ImportValue',
  'Not',
  'And',
  'Or',
  'Condition',
  'GetAZs',
  'Base64',
  'Cidr',
];

const cloudFormationTags: Tags = INTRINSICS.flatMap((name) => {
  const longName = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  const wrap = (value: unknown) => ({ [longName]: value });
  return [
    { tag: `!${name}`, resolve: (value: string) => wrap(value) },
    {
      tag: `!${name}`,
      collection: 'seq' as const,
      resolve: (value: { toJSON(): unknown }) => wrap(value.toJSON()),
    },
    {
      tag: `!${name}`,
      collection: 'map' as const,
      resolve: (value: { toJSON(): unknown }) => wrap(value.toJSON()),
    },
  ];
});

/** Reads a YAML file that may use CloudFormation's short-form tags such as `!GetAtt`. */
export function readCloudFormationYaml(file: string): unknown {
  return parse(readFileSync(file, 'utf8'), { customTags: cloudFormationTags });
}

/**
 * Replaces `${self:custom.NAME}` variables, the only kind the resources file uses, with
 * local values; an unknown variable is an error so a new one is not silently left in.
 */
export function substituteVariables<T>(value: T, custom: Record<string, string>): T {
  const text = JSON.stringify(value).replace(
    /\$\{self:custom\.([A-Za-z0-9_]+)\}/g,
    (_, name: string) => {
      const replacement = custom[name];
      if (replacement === undefined) throw new Error(`No local value for \${self:custom.${name}}`);
      return replacement;
    },
  );
  return JSON.parse(text) as T;
}
