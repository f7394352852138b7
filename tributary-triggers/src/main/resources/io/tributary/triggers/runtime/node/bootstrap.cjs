'use strict';
/*
 * Tributary's bootstrap for nodejs* functions: the Lambda Runtime API loop on Node's own http
 * module. It behaves as AWS's Node runtime interface client does where a handler can tell: the
 * handler string (CommonJS or ES module, nested names), async and callback handlers, the context
 * object, console output prefixed with time, request id and level, and the words of every error.
 */

const http = require('http');
const path = require('path');
const fs = require('fs');
const util = require('util');
const { pathToFileURL } = require('url');

const RUNTIME_API = process.env.AWS_LAMBDA_RUNTIME_API;
const [HOST, PORT] = RUNTIME_API.split(':');
const AGENT = new http.Agent({ keepAlive: true, maxSockets: 1 });
const REQUEST_ID = Symbol.for('aws.lambda.runtime.requestId');

// ---- Errors, named as Lambda names them ----------------------------------------------------

const errorClasses = {};
for (const name of [
  'ImportModuleError',
  'HandlerNotFound',
  'MalformedHandlerName',
  'UserCodeSyntaxError',
  'UnhandledPromiseRejection',
]) {
  const cls = class extends Error {};
  Object.defineProperty(cls, 'name', { value: name });
  cls.prototype.name = `Runtime.${name}`;
  errorClasses[name] = cls;
}

function isError(obj) {
  return (
    obj &&
    typeof obj.name === 'string' &&
    typeof obj.message === 'string' &&
    typeof obj.stack === 'string'
  );
}

function toRapidResponse(error) {
  try {
    if (util.types.isNativeError(error) || isError(error)) {
      return {
        errorType: error.name,
        errorMessage: error.message,
        trace: error.stack.split('\n'),
      };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch (_err) {
    return {
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    };
  }
}

function withEnumerableProperties(error) {
  if (error instanceof Error) {
    const ret = Object.assign(
      { errorType: error.name, errorMessage: error.message, code: error.code },
      error,
    );
    if (typeof error.stack === 'string') {
      ret.stack = error.stack.split('\n');
    }
    return ret;
  }
  return error;
}

function toFormatted(error) {
  try {
    return '\t' + JSON.stringify(error, (_k, v) => withEnumerableProperties(v));
  } catch (_err) {
    return '\t' + JSON.stringify(toRapidResponse(error));
  }
}

function intoError(err) {
  return err instanceof Error ? err : new Error(err);
}

// ---- Console: one log event per call ---------------------------------------------------------

function patchConsole() {
  const levels = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };
  const wanted = levels[(process.env.AWS_LAMBDA_LOG_LEVEL || '').toUpperCase()] || levels.TRACE;
  const log = (level) => (message, ...params) => {
    if (levels[level] < wanted) {
      return;
    }
    const line = `${new Date().toISOString()}\t${global[REQUEST_ID]}\t${level}\t${util.format(
      message,
      ...params,
    )}`;
    process.stdout.write(line.replace(/\n/g, '\r') + '\n');
  };
  console.trace = log('TRACE');
  console.debug = log('DEBUG');
  console.info = log('INFO');
  console.log = console.info;
  console.warn = log('WARN');
  console.error = log('ERROR');
  console.fatal = log('FATAL');
}

// ---- The Runtime API ---------------------------------------------------------------------------

function call(method, apiPath, body, headers) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: HOST,
        port: PORT,
        method,
        path: '/2018-06-01/runtime/' + apiPath,
        agent: AGENT,
        headers: Object.assign(
          body === undefined ? {} : { 'Content-Length': Buffer.byteLength(body) },
          headers || {},
        ),
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    if (body !== undefined) {
      request.write(body);
    }
    request.end();
  });
}

function postError(apiPath, error) {
  const response = toRapidResponse(error);
  return call('POST', apiPath, JSON.stringify(response), {
    'Content-Type': 'application/json',
    'Lambda-Runtime-Function-Error-Type': response.errorType,
  });
}

// ---- Loading the handler (as UserFunction.js in AWS's client) ----------------------------------

function moduleRootAndHandler(fullHandlerString) {
  const handlerString = path.basename(fullHandlerString);
  const moduleRoot = fullHandlerString.substring(0, fullHandlerString.indexOf(handlerString));
  return [moduleRoot, handlerString];
}

function splitHandlerString(handler) {
  const match = handler.match(/^([^.]*)\.(.*)$/);
  if (!match || match.length !== 3) {
    throw new errorClasses.MalformedHandlerName('Bad handler');
  }
  return [match[1], match[2]];
}

function tryRequireFile(file, extension) {
  const candidate = file + (extension || '');
  return fs.existsSync(candidate) ? require(candidate) : undefined;
}

async function tryAwaitImport(file, extension) {
  const candidate = file + (extension || '');
  return fs.existsSync(candidate) ? await import(pathToFileURL(candidate).href) : undefined;
}

function packageTypeIsModule(folder) {
  if (folder.endsWith('/node_modules')) {
    return false;
  }
  const packageJson = path.join(folder, 'package.json');
  if (fs.existsSync(packageJson)) {
    try {
      return JSON.parse(fs.readFileSync(packageJson)).type === 'module';
    } catch (_e) {
      return false;
    }
  }
  const parent = path.resolve(folder, '..');
  return parent === folder ? false : packageTypeIsModule(parent);
}

async function tryRequire(appRoot, moduleRoot, module) {
  const lambdaStylePath = path.resolve(appRoot, moduleRoot, module);
  const extensionless = tryRequireFile(lambdaStylePath);
  if (extensionless) {
    return extensionless;
  }
  const isModule = packageTypeIsModule(path.dirname(lambdaStylePath));
  if (!isModule) {
    const loaded = tryRequireFile(lambdaStylePath, '.js');
    if (loaded) {
      return loaded;
    }
  }
  const loaded =
    (isModule && (await tryAwaitImport(lambdaStylePath, '.js'))) ||
    (await tryAwaitImport(lambdaStylePath, '.mjs')) ||
    tryRequireFile(lambdaStylePath, '.cjs');
  if (loaded) {
    return loaded;
  }
  return require(require.resolve(module, { paths: [appRoot, moduleRoot] }));
}

async function loadHandler(appRoot, fullHandlerString) {
  if (fullHandlerString.includes('..')) {
    throw new errorClasses.MalformedHandlerName(
      `'${fullHandlerString}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`,
    );
  }
  const [moduleRoot, moduleAndHandler] = moduleRootAndHandler(fullHandlerString);
  const [module, handlerPath] = splitHandlerString(moduleAndHandler);
  let app;
  try {
    app = await tryRequire(appRoot, moduleRoot, module);
  } catch (e) {
    if (e instanceof SyntaxError) {
      throw new errorClasses.UserCodeSyntaxError(e);
    } else if (e.code !== undefined && e.code === 'MODULE_NOT_FOUND') {
      throw new errorClasses.ImportModuleError(e);
    }
    throw e;
  }
  const handler = handlerPath.split('.').reduce((nested, key) => nested && nested[key], app);
  if (!handler) {
    throw new errorClasses.HandlerNotFound(`${fullHandlerString} is undefined or not exported`);
  }
  if (typeof handler !== 'function') {
    throw new errorClasses.HandlerNotFound(`${fullHandlerString} is not a function`);
  }
  return handler;
}

// ---- Invocations -------------------------------------------------------------------------------

let finishCurrent = null;

function makeContext(headers, finish) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const parse = (name) => (headers[name] ? JSON.parse(headers[name]) : undefined);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: parse('lambda-runtime-cognito-identity'),
    clientContext: parse('lambda-runtime-client-context'),
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
    succeed: (result) => finish(null, result),
    fail: (err) => finish(err === undefined || err === null ? new Error('handled') : err),
    done: (err, result) => finish(err, result),
  };
}

function invoke(handler, next) {
  return new Promise((resolve) => {
    const requestId = next.headers['lambda-runtime-aws-request-id'];
    global[REQUEST_ID] = requestId;
    if (next.headers['lambda-runtime-trace-id']) {
      process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
    } else {
      delete process.env._X_AMZN_TRACE_ID;
    }
    let finished = false;
    const finish = (err, result) => {
      if (finished) {
        return;
      }
      finished = true;
      finishCurrent = null;
      process.removeListener('beforeExit', onEmptyEventLoop);
      let posting;
      if (err !== null && err !== undefined) {
        console.error('Invoke Error', toFormatted(intoError(err)));
        posting = postError(`invocation/${requestId}/error`, err);
      } else {
        let body;
        try {
          body = JSON.stringify(result === undefined ? null : result);
        } catch (e) {
          posting = postError(`invocation/${requestId}/error`, e);
        }
        if (!posting) {
          posting = call('POST', `invocation/${requestId}/response`, body, {
            'Content-Type': 'application/json',
          });
        }
      }
      posting.then(resolve, (e) => {
        process.stderr.write(`Runtime API: ${e}\n`);
        process.exit(1);
      });
    };
    // A handler that neither returns a promise nor calls back answers null once it has
    // nothing left to do, as Lambda's does.
    const onEmptyEventLoop = () => finish(null, null);
    finishCurrent = finish;
    try {
      const context = makeContext(next.headers, finish);
      const event = JSON.parse(next.body.toString('utf8'));
      const callback = (err, result) => finish(err, result);
      const result = handler(event, context, callback);
      if (result && typeof result.then === 'function') {
        result.then((value) => finish(null, value), (err) => finish(err || new Error('handled')));
      } else if (!finished) {
        process.once('beforeExit', onEmptyEventLoop);
      }
    } catch (err) {
      finish(err);
    }
  });
}

function fatal(label, err) {
  console.error(label, toFormatted(intoError(err)));
  if (finishCurrent) {
    const requestId = global[REQUEST_ID];
    finishCurrent = null;
    postError(`invocation/${requestId}/error`, err).finally(() => process.exit(129));
  } else {
    process.exit(129);
  }
}

async function main() {
  patchConsole();
  const appRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
  process.chdir(appRoot);
  let handler;
  try {
    handler = await loadHandler(appRoot, process.env._HANDLER || '');
  } catch (err) {
    console.error('Uncaught Exception', toFormatted(err));
    await postError('init/error', err);
    process.exit(129);
  }
  process.on('uncaughtException', (err) => fatal('Uncaught Exception', err));
  process.on('unhandledRejection', (reason) => {
    const error = new errorClasses.UnhandledPromiseRejection(String(reason));
    fatal('Unhandled Promise Rejection', error);
  });
  for (;;) {
    const next = await call('GET', 'invocation/next');
    if (next.status !== 200) {
      process.stderr.write(`Runtime API answered ${next.status} to invocation/next\n`);
      process.exit(1);
    }
    await invoke(handler, next);
  }
}

main().catch((err) => {
  process.stderr.write(`Runtime failed: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
