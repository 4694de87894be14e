import type http from 'node:http';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import { httpForwarding } from './http-forwarding';
import { replicaTargets } from './replica-targets';
import { tcpForwarding } from './tcp-forwarding';

/**
 * A small load balancer for trying replicas on one machine, over the replicas whose readiness
 * probe answers 200. It stands for the load balancer of a real deployment; it is not meant to
 * face the internet. `tcp` joins each client connection to a replica, as a layer-4 balancer
 * does; `http` reads every request and sends it on, as a reverse proxy does, with the client's
 * address in `X-Forwarded-For`, at several times the CPU per request.
 */
export interface ReplicaProxy {
  readonly url: string;
  /** Replicas whose last probe answered 200, in the order they were given. */
  readyTargets(): string[];
  /** Probes every replica now and waits for the answers. */
  probe(): Promise<void>;
  close(): Promise<void>;
}

export type ProxyMode = 'tcp' | 'http';

export interface ReplicaProxyOptions {
  /** Replica origins, `http://127.0.0.1:8101`. */
  targets: readonly string[];
  port?: number;
  /** The readiness path each replica answers; 200 means it takes traffic. */
  readyPath?: string;
  probeIntervalMs?: number;
  /** `tcp` by default. */
  mode?: ProxyMode;
}

export async function startReplicaProxy(options: ReplicaProxyOptions): Promise<ReplicaProxy> {
  const mode = options.mode ?? 'tcp';
  const targets = replicaTargets(options.targets, options.readyPath ?? '/readyz');
  const forwarding = mode === 'tcp' ? tcpForwarding(targets) : httpForwarding(targets);
  const server: net.Server | http.Server = forwarding.server;
  await targets.probe();
  const timer = setInterval(() => void targets.probe(), options.probeIntervalMs ?? 500);
  timer.unref();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    readyTargets: targets.ready,
    probe: targets.probe,
    async close() {
      clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if ('closeAllConnections' in server) server.closeAllConnections();
      forwarding.close();
      await closed;
    },
  };
}
