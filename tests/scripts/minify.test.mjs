// Unit tests of scripts/minify.mjs and of readSplitFiles (scripts/split-loader.mjs), run by
// `make test-native` with `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, minifyHtml } from '../../scripts/minify.mjs';
import { readSplitFiles } from '../../scripts/split-loader.mjs';

test('a stylesheet loses its comments, indentation and blank lines, and nothing else', () => {
  const css = `/* The header. */
:root {
  --red: #9b1c1c; /* brand */
}

a :hover,
.x::before { content: "/* not a comment */"; background: url('a/*b*/c.png'); }
.y { content: "say \\"hi\\" /*"; }
/* a comment
   over lines */
.z { margin: calc(1px + 2px) }
`;
  assert.equal(minifyCss(css), `:root {
--red: #9b1c1c;
}
a :hover,
.x::before { content: "/* not a comment */"; background: url('a/*b*/c.png'); }
.y { content: "say \\"hi\\" /*"; }
.z { margin: calc(1px + 2px) }
`);
});

test('a stylesheet with an unclosed comment or string stops the build', () => {
  assert.throws(() => minifyCss('a { color: red } /* open'), /unclosed comment/);
  assert.throws(() => minifyCss('a { content: "open }'), /unclosed string/);
  assert.throws(() => minifyCss('a { content: "two\nlines" }'), /line break/);
});

test('index.html loses its comments and indentation; scripts keep their code, and only lose // lines', () => {
  const html = `<!doctype html>
<html>
<head>
  <!-- a note
       over lines -->
  <meta charset="utf-8">
  <script>
    (() => {
      // why
      const files = {"a":["x.wasm"]};
      document.head.append(\`\${files.a}\`);
    })();
  </script>
  <script type="module">
    // trunk's loader, as it is
    import init from '/x.js';
  </script>
</head>
<body>
  <p>Two
     lines</p>
</body>
</html>
`;
  const out = minifyHtml(html);
  assert.doesNotMatch(out, /<!--|a note|why/);
  assert.match(out, /<script>\(\(\) => \{\nconst files = \{"a":\["x.wasm"\]\};\ndocument.head.append\(`\$\{files.a\}`\);\n\}\)\(\);<\/script>/);
  assert.match(out, /<script type="module">\n    \/\/ trunk's loader, as it is\n    import init from '\/x.js';\n  <\/script>/);
  assert.match(out, /<p>Two\nlines<\/p>/);
});

test('index.html with whitespace that is content, or a script comment it cannot drop safely, stops the build', () => {
  assert.throws(() => minifyHtml('<pre>\n  a\n</pre>'), /<pre>/);
  assert.throws(() => minifyHtml('<script>\n/* a\n b */\n</script>'), /block comment/);
  assert.throws(() => minifyHtml('<script>\nconst a = `one\n  two`;\n</script>'), /template string/);
  assert.throws(() => minifyHtml('<script>\nconst a = 1; // after code\n</script>'), /comment after code/);
});

test('each split point\'s files are read from index.html\'s preloader', () => {
  const html = '<script>\nconst files = {"map":["split_map-1.wasm","chunk_8-1.wasm"],"pages":["split_pages-1.wasm","chunk_8-1.wasm","chunk_9-1.wasm"]};\n</script>';
  assert.deepEqual(readSplitFiles(html), {
    points: [
      { name: 'map', files: ['split_map-1.wasm', 'chunk_8-1.wasm'] },
      { name: 'pages', files: ['split_pages-1.wasm', 'chunk_8-1.wasm', 'chunk_9-1.wasm'] },
    ],
    shared: ['chunk_8-1.wasm', 'chunk_9-1.wasm'],
  });
  assert.equal(readSplitFiles('<p>no preloader</p>'), undefined);
});
