// Topic selectors evaluated locally, to route subscribed topics to value streams
// (docs/selectors.md). The server evaluates them with .NET regular expressions; here the
// browser's RegExp does, so use patterns both understand (see docs/client-js.md).
import { TopiaryError, invalidArgument } from './topiary-error.js';

const setSeparator = '////';
const reservedFirst = new Set(['$', '%', '&', '<']);
const leadingOptions = /^\(\?([imsnx]+)\)/;

/**
 * Parses `expression` into a predicate over topic paths. Throws INVALID_SELECTOR (with
 * `selector`, `position` and `reason`) for a selector the server would reject as well, or
 * one whose regular expression this JavaScript engine cannot compile.
 * @returns {(path: string) => boolean}
 */
export function parseSelector(expression) {
  if (typeof expression !== 'string') {
    throw invalidArgument('selector', 'WRONG_TYPE', `'selector' must be a string; got ${typeof expression}`);
  }
  return parseMember(expression, expression, 0);
}

function parseMember(text, selector, position) {
  const first = text[0];
  if (text.length === 0) {
    throw invalid(selector, position, 'EMPTY', 'nothing where a selector was expected');
  }
  if (reservedFirst.has(first)) {
    throw invalid(selector, position, 'RESERVED_PREFIX', `a selector cannot start with '${first}' ($ % & < are reserved)`);
  }
  switch (first) {
    case '#':
      return parseSet(text.slice(1), selector, position + 1);
    case '?':
      return parseSplitPath(text.slice(1), selector, position + 1);
    case '*':
      return parseFullPath(text.slice(1), selector, position + 1);
    case '>':
      return parsePath(text.slice(1), selector, position + 1);
    default:
      return parsePath(text, selector, position);
  }
}

function parseSet(text, selector, position) {
  const members = [];
  let rest = text;
  for (let at = rest.lastIndexOf(setSeparator); at >= 0; at = rest.lastIndexOf(setSeparator)) {
    members.unshift([rest.slice(at + setSeparator.length), position + at + setSeparator.length]);
    rest = rest.slice(0, at);
  }
  members.unshift([rest, position]);
  const predicates = members.map(([member, at]) => {
    if (member.length === 0) {
      throw invalid(selector, at, members.length === 1 ? 'EMPTY' : 'EMPTY_MEMBER', 'an empty member of a selector set');
    }
    return parseMember(member, selector, at);
  });
  return (path) => predicates.some((selects) => selects(path));
}

function parsePath(text, selector, position) {
  const start = text.startsWith('/') ? 1 : 0;
  const end = text.length > start && text.endsWith('/') ? text.length - 1 : text.length;
  const path = text.slice(start, end);
  if (path.length === 0) {
    throw invalid(selector, position, 'EMPTY', 'a path selector needs a path');
  }
  const at = position + start;
  if (path.startsWith('/') || path.endsWith('/')) {
    throw invalid(selector, at + (path.startsWith('/') ? 0 : path.length - 1), 'INVALID_PATH',
      'a path selector ignores one leading and one trailing \'/\' only (it never takes a descendant qualifier: use ?path//)');
  }
  const empty = path.indexOf('//');
  if (empty >= 0) {
    throw invalid(selector, at + empty + 1, 'INVALID_PATH', 'a path cannot have an empty segment');
  }
  return (candidate) => candidate === path;
}

function splitQualifier(text) {
  if (text.endsWith('//')) {
    return { body: text.slice(0, -2), qualifier: 'selfAndDescendants' };
  }
  if (text.endsWith('/')) {
    return { body: text.slice(0, -1), qualifier: 'descendants' };
  }
  return { body: text, qualifier: 'none' };
}

function parseSplitPath(text, selector, position) {
  const start = text.startsWith('/') ? 1 : 0;
  const { body, qualifier } = splitQualifier(text.slice(start));
  if (body.length === 0) {
    throw invalid(selector, position, 'EMPTY', 'a split-path pattern needs at least one part');
  }
  let at = position + start;
  const parts = body.split('/').map((part) => {
    if (part.length === 0) {
      throw invalid(selector, at, 'EMPTY_PART', 'a split-path pattern cannot have an empty part');
    }
    const regex = compile(part, selector, at);
    at += part.length + 1;
    return regex;
  });
  return (path) => {
    const segments = path.split('/');
    const enough = qualifier === 'none' ? segments.length === parts.length
      : qualifier === 'descendants' ? segments.length > parts.length
        : segments.length >= parts.length;
    return enough && parts.every((regex, i) => regex.test(segments[i]));
  };
}

function parseFullPath(text, selector, position) {
  if (text.includes(setSeparator)) {
    throw invalid(selector, position + text.indexOf(setSeparator), 'SET_SEPARATOR_IN_PATTERN',
      `a full-path pattern cannot contain '${setSeparator}' unless the selector is a set starting with '#'`);
  }
  const { body, qualifier } = splitQualifier(text);
  if (body.length === 0) {
    throw invalid(selector, position, 'EMPTY', 'a full-path pattern needs a regular expression');
  }
  const regex = compile(body, selector, position);
  return (path) => {
    if (qualifier !== 'descendants' && regex.test(path)) {
      return true;
    }
    if (qualifier === 'none') {
      return false;
    }
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
      if (regex.test(path.slice(0, at))) {
        return true;
      }
    }
    return false;
  };
}

function compile(pattern, selector, position) {
  let flags = '';
  let source = pattern;
  const options = leadingOptions.exec(pattern);
  if (options !== null) {
    flags = [...new Set(options[1].replace(/[mnx]/g, ''))].join('');
    source = pattern.slice(options[0].length);
  }
  try {
    return new RegExp(`^(?:${source})$`, flags);
  } catch (error) {
    throw invalid(selector, position, 'INVALID_REGEX',
      `the regular expression '${pattern}' does not compile in JavaScript (${error.message}); value streams evaluate selectors with JavaScript regular expressions`);
  }
}

function invalid(selector, position, reason, what) {
  return TopiaryError.create('INVALID_SELECTOR', `${what}, at position ${position} of '${selector}'`,
    { selector, position, reason });
}
