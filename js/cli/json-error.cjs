"use strict";
// Where a JSON text stops being JSON, as a line and column, with a reason that never quotes the
// text. Only called after JSON.parse has failed (its message quotes the text in newer Node versions
// and gives no position in some cases), so speed does not matter; iterative, so depth does not either.

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX = /^[0-9a-fA-F]{4}$/;

/** `{ index, what }` of the first error of `text` (a UTF-16 index), or null when it is JSON. */
function findJsonError(text) {
  const n = text.length;
  const stack = [];
  let i = 0;
  let expect = "value"; // value | valueOrEnd | key | keyOrEnd | colon | after
  const fail = (what) => ({ index: i, what });

  const string = () => {
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return null;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!HEX.test(text.slice(i + 2, i + 6))) return fail("a \\u escape needs four hexadecimal digits");
          i += 6;
        } else if (ESCAPES.has(e)) {
          i += 2;
        } else {
          return fail(e === undefined ? "the text ends inside a string" : "an unknown escape in a string");
        }
        continue;
      }
      if (c.charCodeAt(0) < 0x20) return fail("a control character (such as a line break) inside a string; write it as an escape");
      i++;
    }
    return fail("the text ends inside a string (a missing closing quote)");
  };

  for (;;) {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
    const c = text[i];
    if (expect === "value" || expect === "valueOrEnd") {
      if (i >= n) return fail("the text ends where a value should be");
      if (c === "]" && expect === "valueOrEnd") {
        i++;
        stack.pop();
        expect = "after";
      } else if (c === "{" || c === "[") {
        i++;
        stack.push(c === "{" ? "}" : "]");
        expect = c === "{" ? "keyOrEnd" : "valueOrEnd";
      } else if (c === '"') {
        const e = string();
        if (e) return e;
        expect = "after";
      } else {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        const word = ["true", "false", "null"].find((w) => text.startsWith(w, i));
        if (m && m[0].length > 0) i += m[0].length;
        else if (word) i += word.length;
        else return fail("an unexpected character where a value should be (a string needs double quotes)");
        expect = "after";
      }
    } else if (expect === "key" || expect === "keyOrEnd") {
      if (i >= n) return fail("the text ends inside an object");
      if (c === "}" && expect === "keyOrEnd") {
        i++;
        stack.pop();
        expect = "after";
      } else if (c === '"') {
        const e = string();
        if (e) return e;
        expect = "colon";
      } else {
        return fail(expect === "key" ? "a member name in double quotes should follow the comma (no trailing commas in JSON)" : "a member name in double quotes should be here");
      }
    } else if (expect === "colon") {
      if (c !== ":") return fail(i >= n ? "the text ends inside an object" : "a colon should follow the member name");
      i++;
      expect = "value";
    } else if (stack.length === 0) {
      return i < n ? fail("more text follows the JSON value") : null;
    } else {
      const close = stack[stack.length - 1];
      const kind = close === "]" ? "an array" : "an object";
      if (i >= n) return fail(`the text ends inside ${kind}`);
      if (c === ",") {
        i++;
        expect = close === "]" ? "value" : "key";
      } else if (c === close) {
        i++;
        stack.pop();
      } else {
        return fail(`a comma or the end of ${kind} should be here`);
      }
    }
  }
}

/** 1-based line and column (in characters) of a UTF-16 index; `\r\n`, `\n` and `\r` end lines. */
function lineAndColumn(text, index) {
  let line = 1;
  let start = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  let column = 1;
  for (let i = start; i < index; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > start && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) column++;
  }
  return { line, column };
}

/** `{ line, column, what }` for a text that JSON.parse rejected (line and column 1-based). */
function describeJsonError(text) {
  const found = findJsonError(text) || { index: 0, what: "not valid JSON" };
  return { ...lineAndColumn(text, found.index), what: found.what };
}

module.exports = { findJsonError, describeJsonError };
