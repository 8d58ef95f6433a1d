// Minimal require hook: compiles .ts files with @swc/core (already a dev dependency, used by
// @swc/jest) so benchmarks run straight from TypeScript sources: `node -r ./bench/register.js bench/analytics.ts`.
// Decorator metadata is emitted too, so code that uses type-graphql would also load.
const { transformSync } = require('@swc/core');
const fs = require('node:fs');

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
