import { Server as NetServer, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** The longest a connection accepted just before the drain gets to send its request. */
const FIRST_REQUEST_WAIT_MS = 2000;

/**
 * The first step of the gateway's drain, without the race in Node's own `server.close()`: that
 * closes every connection with no request in progress, including one accepted a moment ago whose
 * request is still on its way, and its client (a balancer, nginx) sees a reset it cannot safely
 * retry. Here the listener closes alone; connections that never carried a request get up to 2 s
 * to send one (it is then answered, with `Connection: close`), and only then does the app close.
 */
export function connectionDrain(fastify: FastifyInstance): { stopListening(): Promise<void> } {
  const unstarted = new Set<Socket>();
  let settled: (() => void) | undefined;
  const forget = (socket: Socket) => {
    unstarted.delete(socket);
    if (!unstarted.size) settled?.();
  };
  fastify.server.on('connection', (socket: Socket) => {
    unstarted.add(socket);
    socket.once('close', () => forget(socket));
  });
  fastify.addHook('onRequest', (req, _reply, done) => {
    forget(req.raw.socket);
    done();
  });
  return {
    async stopListening() {
      // net.Server's close, not http.Server's: stop accepting, leave open connections be.
      NetServer.prototype.close.call(fastify.server);
      if (!unstarted.size) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FIRST_REQUEST_WAIT_MS);
        settled = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
  };
}
