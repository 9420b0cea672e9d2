// The line-comment scan behind suppression comments: what each language counts as a comment, strings and broken code included.
import * as assert from 'node:assert/strict';
import { lineComments } from '../../../server/src/engine/suppress/scan';

/** A text and the line comments in it, each as the text from its marker to its end. */
interface Case {
  title: string;
  text: string;
  comments: string[];
}

const BICEP: Case[] = [
  { title: 'a comment after code, and one on its own line', text: "var a = 1 // one\n// two\n", comments: ['// one', '// two'] },
  { title: "'//' inside a string", text: "var a = 'x // no' // yes\n", comments: ['// yes'] },
  { title: 'an escaped quote does not end the string', text: "var a = 'it\\'s // no' // yes\n", comments: ['// yes'] },
  { title: 'a multi-line string', text: "var a = '''\n// no\n''' // yes\n", comments: ['// yes'] },
  { title: 'a string inside an interpolation', text: "var a = 'x${'// no'}y // no' // yes\n", comments: ['// yes'] },
  { title: 'an interpolated multi-line string', text: "var a = $'''\n// no ${b}\n// no\n''' // yes\n", comments: ['// yes'] },
  { title: 'a block comment', text: "/* // no\n// no */ var a = 1 // yes\n", comments: ['// yes'] },
  { title: 'a pragma line is no comment, even with // in it', text: '#disable-next-line no-unused-vars // no\nvar a = 1\n', comments: [] },
  { title: 'an unterminated string ends at its line', text: "var a = 'x // no\n// yes\n", comments: ['// yes'] },
  // Bicep would run it to the end of the file; the front end ends it at its line so the rest stays analysable, and the scan agrees.
  { title: 'an unterminated multi-line string ends at its line, as the front end ends it', text: "var a = '''x // no\n// yes\n", comments: ['// yes'] },
  { title: 'CRLF line ends and a byte-order mark', text: '\ufeff// one\r\nvar a = 1 // two\r\n', comments: ['// one', '// two'] },
];

const TERRAFORM: Case[] = [
  { title: 'all three comment styles', text: 'a = 1 # one\nb = 2 // two\n/* # no */ c = 3\n', comments: ['# one', '// two'] },
  { title: "'#' and '//' inside a string", text: 'a = "x # no // no" # yes\n', comments: ['# yes'] },
  { title: 'an escaped quote does not end the string', text: 'a = "x \\" # no" # yes\n', comments: ['# yes'] },
  { title: 'a brace and a quote inside an interpolation', text: 'a = "${ "}" } # no" # yes\n', comments: ['# yes'] },
  { title: 'nested braces inside an interpolation', text: 'a = "${ { k = "v" }.k } # no" # yes\n', comments: ['# yes'] },
  { title: 'a comment inside an interpolation is one', text: 'a = "${ b # yes\n}" # yes too\n', comments: ['# yes', '# yes too'] },
  { title: 'an escaped interpolation is literal text', text: 'a = "$${ # no" # yes\n', comments: ['# yes'] },
  { title: 'a template directive', text: 'a = "%{ if b }# no%{ endif }" # yes\n', comments: ['# yes'] },
  { title: 'a heredoc', text: 'a = <<EOT\n# no\n// no\nEOT\n# yes\n', comments: ['# yes'] },
  { title: 'an indented heredoc', text: 'a = <<-EOT\n  # no\n  EOT # no\n  EOT\n# yes\n', comments: ['# yes'] },
  { title: "'<<' without a marker is no heredoc", text: 'a = b << # yes\n', comments: ['# yes'] },
  { title: 'an unterminated string ends at its line', text: 'a = "x # no\n# yes\n', comments: ['# yes'] },
  {
    title: 'an unterminated heredoc ends before the next top-level block',
    text: 'a = <<EOT\n# no\nresource "x" "y" {\n  # yes\n}\n',
    comments: ['# yes'],
  },
  { title: 'an unterminated block comment ends before the next top-level block', text: '/* # no\nlocals {\n  # yes\n}\n', comments: ['# yes'] },
  { title: 'a lone carriage return does not end a comment', text: '# one\rtwo\n', comments: ['# one\rtwo'] },
];

function check(language: 'bicep' | 'terraform', c: Case): void {
  const found = lineComments(c.text, language).map((span) => c.text.slice(span.start, span.end));
  assert.deepEqual(found, c.comments);
}

describe('line comments, as suppression comments see them', () => {
  for (const c of BICEP) it(`bicep: ${c.title}`, () => check('bicep', c));
  for (const c of TERRAFORM) it(`terraform: ${c.title}`, () => check('terraform', c));
});
