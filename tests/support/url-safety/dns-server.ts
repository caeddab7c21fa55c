import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import * as dnsPacket from 'dns-packet';

// A small UDP DNS responder on 127.0.0.1 for the tests: the test decides every answer, per name,
// record type and how many times that name was asked before (for rebinding). An answerer that
// returns null leaves the question unanswered: a silent resolver.

export type Answerer = (name: string, type: 'A' | 'AAAA', askedBefore: number) => readonly string[] | null | 'NXDOMAIN';

/** RCODE 3, "Name Error" (RFC 1035 §4.1.1): the name does not exist. */
const NXDOMAIN_RCODE = 3;

export interface RunningDns {
  /** `127.0.0.1:port`, for `createDnsResolver({ servers: [...] })`. */
  readonly server: string;
  /** Every question, in order. */
  readonly questions: { name: string; type: string }[];
  close(): Promise<void>;
}

export const startDnsServer = async (answer: Answerer): Promise<RunningDns> => {
  const socket = createSocket('udp4');
  const questions: { name: string; type: string }[] = [];
  const counts = new Map<string, number>();
  socket.on('message', (msg, rinfo) => {
    const query = dnsPacket.decode(msg);
    const q = query.questions?.[0];
    if (q === undefined) return;
    questions.push({ name: q.name, type: q.type });
    const key = `${q.name.toLowerCase()}/${q.type}`;
    const before = counts.get(key) ?? 0;
    counts.set(key, before + 1);
    const ips = q.type === 'A' || q.type === 'AAAA' ? answer(q.name.toLowerCase(), q.type, before) : [];
    if (ips === null) return;
    const nxdomain = ips === 'NXDOMAIN';
    const reply = dnsPacket.encode({
      type: 'response',
      id: query.id ?? 0,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (nxdomain ? NXDOMAIN_RCODE : 0),
      questions: [q],
      answers: (nxdomain ? [] : ips).map((data) => ({ type: q.type as 'A', name: q.name, ttl: 1, class: 'IN' as const, data })),
    });
    socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    server: `127.0.0.1:${port}`,
    questions,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
};
