import { Command, Option } from 'commander';
import { DEFAULT_KEYS_FILE } from '../config';
import { generateKey, KEY_NAME_PATTERN, keyLine } from './keys';
import { addKeyToFile, readKeysFile, removeKeyFromFile } from './keysFile';
import { ROLES, type Role } from './roles';

interface AddOptions {
  role: Role;
  name?: string;
  file?: string;
}

/**
 * `kizuna keys add --role EDITOR [--name N] [--file F]`: makes a key, stores its salted hash in
 * the keys file, and prints the key once (it cannot be recovered later). `kizuna keys list`: the
 * names, roles and ids, never hashes. `kizuna keys remove --name N`: revokes one.
 */
export function registerKeysCommand(program: Command, out: NodeJS.WritableStream = process.stdout): Command {
  const keys = program.command('keys').description('API keys: add one (printed once, stored hashed), list or remove them');
  const fileOf = (opts: { file?: string }) => opts.file ?? process.env.KIZUNA_KEYS_FILE ?? DEFAULT_KEYS_FILE;

  keys
    .command('add')
    .description('Create a key, store its salted hash, print the key once')
    .addOption(new Option('--role <role>', 'what the key may do').choices([...ROLES]).makeOptionMandatory())
    .option('--name <name>', 'a name for the key, shown in the change log (letters, digits, . _ -)')
    .option('--file <file>', `keys file (default: KIZUNA_KEYS_FILE or ${DEFAULT_KEYS_FILE})`)
    .action(async (opts: AddOptions) => {
      if (opts.name !== undefined && !KEY_NAME_PATTERN.test(opts.name)) throw new Error('--name: 1 to 64 letters, digits, dots, underscores or hyphens');
      const file = fileOf(opts);
      const { key, stored } = await generateKey(opts.role, opts.name);
      await addKeyToFile(file, stored);
      out.write(
        `${key}\n\n` +
          `This is the only time the key is shown. Its hash is stored in ${file} as "${stored.name}" (${stored.role}).\n` +
          `Send it as: Authorization: Bearer <key>\n` +
          `Or configure it by environment instead of the file: KIZUNA_API_KEYS=${keyLine(stored)}\n`,
      );
    });

  keys
    .command('list')
    .description('List the keys of the keys file (name, role, id; never hashes)')
    .option('--file <file>', `keys file (default: KIZUNA_KEYS_FILE or ${DEFAULT_KEYS_FILE})`)
    .action(async (opts: { file?: string }) => {
      const stored = await readKeysFile(fileOf(opts));
      if (stored.length === 0) return void out.write(`no keys in ${fileOf(opts)}\n`);
      for (const k of stored) out.write(`${k.name}\t${k.role}\t${k.id}\t${k.createdAt ?? ''}\n`);
    });
  keys
    .command('remove')
    .description('Revoke a key of the keys file by name (restart the server for it to take effect)')
    .requiredOption('--name <name>', 'the key to revoke')
    .option('--file <file>', `keys file (default: KIZUNA_KEYS_FILE or ${DEFAULT_KEYS_FILE})`)
    .action(async (opts: { name: string; file?: string }) => {
      const removed = await removeKeyFromFile(fileOf(opts), opts.name);
      out.write(`removed "${removed.name}" (${removed.role}, id ${removed.id}) from ${fileOf(opts)}; restart the server for it to take effect\n`);
    });
  return keys;
}
