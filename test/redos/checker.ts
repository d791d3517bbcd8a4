/**
 * Static ReDoS analysis: every regex is parsed with regexpp and analysed by scslre (the engine of
 * eslint-plugin-regexp's no-super-linear-backtracking / no-super-linear-move). A finding is a
 * quantifier structure with which some input makes the backtracking engine take super-linear time.
 */
import { type AST, RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import { isDisjointWith, JS, NFA } from 'refa';
import { analyse } from 'scslre';

export interface RegexFinding {
  type: 'Trade' | 'Self' | 'Move' | 'Alternation';
  exponential: boolean;
  /** A character that, repeated, drives the super-linear behaviour. */
  character: string;
  /** The quantifiers involved, as written in the pattern. */
  where: string;
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * Super-linear findings for one pattern. `move` also reports super-linear *moves* (an unbounded
 * quantifier tried from every start position of a rejecting input, e.g. `/a+b/` on "aaaa…").
 */
export function findSuperLinear(
  source: string,
  flags: string,
  options: { move?: boolean } = {},
): RegexFinding[] {
  const parsedFlags = parser.parseFlags(flags);
  const pattern = parser.parsePattern(source, 0, source.length, {
    unicode: parsedFlags.unicode,
    unicodeSets: parsedFlags.unicodeSets,
  });
  const result = analyse(
    { pattern, flags: parsedFlags },
    { reportTypes: { Move: options.move ?? false, Self: true, Trade: true }, assumeRejectingSuffix: false },
  );
  const findings: RegexFinding[] = result.reports.map((report) => ({
    type: report.type,
    exponential: report.exponential,
    character: report.character.pick,
    where:
      report.type === 'Trade'
        ? `${report.startQuant.raw} <-> ${report.endQuant.raw}`
        : report.type === 'Self'
          ? `${report.quant.raw} inside ${report.parentQuant.raw}`
          : report.quant.raw,
  }));
  return [...findings, ...overlappingAlternatives(pattern, source, flags)];
}

// ---------------------------------------------------------------------------------------------
// Overlapping alternatives under repetition

/**
 * scslre finds quantifiers that trade characters; it does not see `(?:no|n[oº])+` or `(?:a|ab|b)*`,
 * where two alternatives of a repeated group can read the same text (ORDER_FILLER once had "no"
 * twice: 2^n ways to read "no no no …"). For every alternation inside an unbounded quantifier
 * `(B)*` this checks, for each pair of alternatives a, b, whether `a R (B)*` and `b R (B)*` (R the
 * rest of B after the alternation) share a word: then the star can parse that word two ways, and
 * a rejecting suffix makes the engine try every combination, exponentially many.
 * Assertions are ignored (their languages over-approximated), so a report can be conservative.
 */
function overlappingAlternatives(pattern: AST.Pattern, source: string, flags: string): RegexFinding[] {
  const findings: RegexFinding[] = [];
  const quantifiers: AST.Quantifier[] = [];
  visitRegExpAST(pattern, {
    onQuantifierEnter: (q) => {
      if (q.max === Number.POSITIVE_INFINITY) quantifiers.push(q);
    },
  });
  const strip = (raw: string) => raw.replace(/\(?<name>[A-Za-z_$][\w$]*>/g, '(?:');
  for (const q of quantifiers) {
    const body = q.element;
    const bodyRaw = strip(body.raw);
    const alternations: Array<AST.Group | AST.CapturingGroup> = [];
    const collect = (node: AST.Node) => {
      if ((node.type === 'Group' || node.type === 'CapturingGroup') && node.alternatives.length > 1) {
        alternations.push(node);
      }
    };
    if (body.type === 'Group' || body.type === 'CapturingGroup') {
      visitRegExpAST({ type: 'Pattern', alternatives: body.alternatives } as unknown as AST.Pattern, {
        onGroupEnter: collect,
        onCapturingGroupEnter: collect,
      });
      if (body.alternatives.length > 1) alternations.push(body);
    }
    for (const alternation of alternations) {
      // The rest of the body after the alternation: following siblings up to the body itself.
      let rest = '';
      for (let node: AST.Node = alternation; node !== body; ) {
        const parent: AST.Node | null = node.parent;
        if (!parent) break;
        if (parent.type === 'Alternative') {
          const index = parent.elements.indexOf(node as AST.Element);
          rest += parent.elements
            .slice(index + 1)
            .map((e) => strip(e.raw))
            .join('');
        }
        node = parent;
      }
      const tail = alternation === body ? '' : rest;
      const nfas = alternation.alternatives.map((alt) => {
        const src = `(?:${strip(alt.raw)})${tail}(?:${bodyRaw})*`;
        const { expression, maxCharacter } = JS.Parser.fromLiteral({ source: src, flags }).parse({
          assertions: 'ignore',
          backreferences: 'disable',
        });
        return NFA.fromRegex(expression, { maxCharacter }, {}, undefined);
      });
      for (let i = 0; i < nfas.length; i++) {
        for (let j = i + 1; j < nfas.length; j++) {
          if (!isDisjointWith(nfas[i]!, nfas[j]!, 100_000)) {
            findings.push({
              type: 'Alternation',
              exponential: true,
              character: '',
              where: `${alternation.alternatives[i]!.raw} | ${alternation.alternatives[j]!.raw} in ${q.raw.slice(0, 120)}`,
            });
          }
        }
      }
    }
  }
  void source;
  return findings;
}
