// Local checks of call arguments: each failure names the argument and what is allowed.
import { describe } from './topic-type.js';
import { invalidArgument } from './topiary-error.js';

export function checkString(value, argument) {
  if (typeof value !== 'string' || value.length === 0) {
    throw invalidArgument(argument, typeof value === 'string' ? 'EMPTY' : 'WRONG_TYPE',
      `'${argument}' must be a non-empty string; got ${describe(value)}`);
  }
  return value;
}

export function checkProperties(properties) {
  if (properties === undefined) {
    return undefined;
  }
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
    throw invalidArgument('properties', 'WRONG_TYPE', `'properties' must be an object of string values; got ${describe(properties)}`);
  }
  for (const [key, value] of Object.entries(properties)) {
    if (typeof value !== 'string') {
      throw invalidArgument('properties', 'WRONG_TYPE',
        `property '${key}' must have a string value (write 'true', not true); got ${describe(value)}`);
    }
  }
  return properties;
}

/** Rejects option names not in `allowed`, so a misspelt option is not silently ignored. */
export function checkOptionNames(options, allowed, argument) {
  if (options === null || typeof options !== 'object') {
    throw invalidArgument(argument, 'WRONG_TYPE', `'${argument}' must be an object; got ${describe(options)}`);
  }
  for (const name of Object.keys(options)) {
    if (!allowed.includes(name)) {
      throw invalidArgument(`${argument}.${name}`, 'UNKNOWN_OPTION',
        `unknown option '${name}' in '${argument}'; allowed: ${allowed.join(', ')}`);
    }
  }
}

export function checkInteger(value, argument, minimum, maximum) {
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw invalidArgument(argument, 'OUT_OF_RANGE',
      `'${argument}' must be an integer from ${minimum} to ${maximum}; got ${describe(value)}`);
  }
  return value;
}

export function checkBoolean(value, argument) {
  if (typeof value !== 'boolean') {
    throw invalidArgument(argument, 'WRONG_TYPE', `'${argument}' must be true or false; got ${describe(value)}`);
  }
  return value;
}
