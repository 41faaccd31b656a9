// A small evaluator for the subset of CEL used in Workload Identity attribute conditions and
// mappings: `assertion.x`, string literals, `==`, `!=`, `&&`, `||`, `!`, `in [..]`, string
// concatenation with `+`, parentheses and the string methods startsWith / endsWith / contains.
// Anything else is a syntax error, which rejects the credential (STS does not let an
// unparsable condition through).

export type Value = string | boolean | null | Value[];
type Tok = { t: 'str' | 'id' | 'op' | 'punc'; v: string };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') j++;
        s += src[j++];
      }
      if (j >= src.length) throw new Error('unterminated string');
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '&&', '||'].includes(two)) { out.push({ t: 'op', v: two }); i += 2; continue; }
    if ('!()[],.+'.includes(c)) { out.push({ t: 'punc', v: c }); i++; continue; }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (m) { out.push({ t: 'id', v: m[0] }); i += m[0].length; continue; }
    throw new Error(`unexpected character '${c}'`);
  }
  return out;
}

export function evalCondition(src: string, vars: Record<string, Record<string, unknown>>): boolean {
  return truthy(evalExpression(src, vars));
}

/** The value of an expression: a mapping such as `assertion.repository_id + ':' + assertion.run_id`. */
export function evalExpression(src: string, vars: Record<string, Record<string, unknown>>): Value {
  const toks = lex(src);
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const eat = (v: string): boolean => {
    if (toks[p]?.v === v && toks[p].t !== 'str') { p++; return true; }
    return false;
  };
  const expect = (v: string): void => {
    if (!eat(v)) throw new Error(`expected '${v}'`);
  };

  function or(): Value {
    let l = and();
    while (eat('||')) { const r = and(); l = truthy(l) || truthy(r); }
    return l;
  }
  function and(): Value {
    let l = rel();
    while (eat('&&')) { const r = rel(); l = truthy(l) && truthy(r); }
    return l;
  }
  function rel(): Value {
    const l = add();
    if (eat('==')) return eq(l, add());
    if (eat('!=')) return !eq(l, add());
    if (peek()?.t === 'id' && peek()?.v === 'in') {
      p++;
      const r = add();
      if (!Array.isArray(r)) throw new Error("'in' needs a list");
      return r.some(x => eq(l, x));
    }
    return l;
  }
  function add(): Value {
    let l = unary();
    while (eat('+')) {
      const r = unary();
      if (typeof l !== 'string' || typeof r !== 'string') throw new Error("'+' needs strings");
      l = l + r;
    }
    return l;
  }
  function unary(): Value {
    if (eat('!')) return !truthy(unary());
    return postfix();
  }
  function postfix(): Value {
    let v = primary();
    while (peek()?.v === '.' && peek()?.t === 'punc') {
      p++;
      const name = toks[p++];
      if (!name || name.t !== 'id') throw new Error('expected a method name');
      expect('(');
      const arg = or();
      expect(')');
      if (typeof v !== 'string' || typeof arg !== 'string') throw new Error(`${name.v} needs strings`);
      if (name.v === 'startsWith') v = v.startsWith(arg);
      else if (name.v === 'endsWith') v = v.endsWith(arg);
      else if (name.v === 'contains') v = v.includes(arg);
      else throw new Error(`unknown function ${name.v}`);
    }
    return v;
  }
  function primary(): Value {
    const t = toks[p++];
    if (!t) throw new Error('unexpected end of expression');
    if (t.t === 'str') return t.v;
    if (t.t === 'punc' && t.v === '(') { const v = or(); expect(')'); return v; }
    if (t.t === 'punc' && t.v === '[') {
      const items: Value[] = [];
      if (!eat(']')) {
        do items.push(or()); while (eat(','));
        expect(']');
      }
      return items;
    }
    if (t.t === 'id') {
      if (t.v === 'true') return true;
      if (t.v === 'false') return false;
      if (t.v === 'null') return null;
      const obj = vars[t.v];
      if (!obj) throw new Error(`undeclared reference to '${t.v}'`);
      // assertion.x (a field access, not a method call)
      if (toks[p]?.v === '.' && toks[p + 1]?.t === 'id' && toks[p + 2]?.v !== '(') {
        p++;
        const field = toks[p++].v;
        const v = obj[field];
        if (v === undefined) throw new Error(`no such key: ${field}`);
        return typeof v === 'string' || typeof v === 'boolean' ? v : String(v);
      }
      throw new Error(`'${t.v}' is not a value`);
    }
    throw new Error(`unexpected '${t.v}'`);
  }

  const v = or();
  if (p !== toks.length) throw new Error(`unexpected '${toks[p].v}'`);
  return v;
}

function truthy(v: Value): boolean {
  if (typeof v !== 'boolean') throw new Error('condition must be boolean');
  return v;
}

function eq(a: Value, b: Value): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
