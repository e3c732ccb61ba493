// Makes the bundle ASCII-only. V8 keeps a module's source text in memory for as long as the module lives
// (lazy compilation, Function.prototype.toString); one character above U+00FF makes the whole text two bytes
// per character, and the 8 MB bundle then holds 16 MB of the heap instead of 8. esbuild escapes strings
// but leaves comments, regular expression literals and template literals' raw text as they were.
//   - comments: each such UTF-16 unit becomes "?" (same length, so the source map still lines up);
//   - regular expression literals: \uXXXX escapes (the same pattern);
//   - anything else (a template literal's raw text can change meaning): the build fails, naming the place, so
//     the source writes it as an escape.
import ts from 'typescript';

export function asciiOnly(text, file = 'bundle') {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const comments = [];
  const regexes = [];
  const seen = new Set();
  const visit = (node) => {
    for (const ranges of [
      ts.getLeadingCommentRanges(text, node.pos),
      ts.getTrailingCommentRanges(text, node.end),
    ])
      for (const range of ranges ?? [])
        if (!seen.has(range.pos)) {
          seen.add(range.pos);
          comments.push(range);
        }
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral)
      regexes.push({ pos: node.getStart(source), end: node.end });
    ts.forEachChild(node, visit);
  };
  visit(source);
  const kind = new Uint8Array(text.length);
  for (const r of comments) kind.fill(1, r.pos, r.end);
  for (const r of regexes) kind.fill(2, r.pos, r.end);
  let out = '';
  let from = 0;
  const problems = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    out += text.slice(from, i);
    from = i + 1;
    if (kind[i] === 1) out += '?';
    else if (kind[i] === 2) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else {
      const { line, character } = source.getLineAndCharacterOfPosition(i);
      problems.push(
        `${file}:${line + 1}:${character + 1}: ${JSON.stringify(text.slice(Math.max(0, i - 40), i + 10))}`,
      );
      out += text[i];
    }
  }
  out += text.slice(from);
  if (problems.length > 0)
    throw new Error(
      `non-ASCII text outside comments and regular expressions; write it as an escape:\n${problems.join('\n')}`,
    );
  return out;
}
