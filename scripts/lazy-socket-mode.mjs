// esbuild plugin for the production build: Bolt's App.js requires its SocketModeReceiver (and with it
// @slack/socket-mode and ws, ~30 ms of start-up) at load, though it only builds one for `socketMode: true`.
// The require becomes a getter, so the bundled module is evaluated on first use (App.js reads it only as
// `SocketModeReceiver_1.default`). The build fails if Bolt's source no longer has that line.
import { readFile } from 'node:fs/promises';

const EAGER = 'const SocketModeReceiver_1 = __importDefault(require("./receivers/SocketModeReceiver"));';
const LAZY =
  'const SocketModeReceiver_1 = { get default() { return __importDefault(require("./receivers/SocketModeReceiver")).default; } };';

export const lazySocketModePlugin = {
  name: 'lazy-socket-mode',
  setup(build) {
    build.onLoad({ filter: /@slack[/\\]bolt[/\\]dist[/\\]App\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (source.split(EAGER).length !== 2)
        throw new Error(
          `lazy-socket-mode: ${args.path} no longer has the SocketModeReceiver require it rewrites`,
        );
      const used = source.match(/SocketModeReceiver_1\b[^.]/g);
      if (used && used.length > 1)
        throw new Error('lazy-socket-mode: App.js uses SocketModeReceiver_1 other than as .default');
      return { contents: source.replace(EAGER, LAZY), loader: 'js' };
    });
  },
};
