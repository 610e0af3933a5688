// docker run --publish 127.0.0.1:HOST:CONTAINER, for the fake docker: forwards loopback HOST to CONTAINER.
import { connect, createServer } from 'node:net';

const [hostPort, containerPort] = process.argv.slice(2).map(Number);
createServer((client) => {
  const upstream = connect(containerPort, '127.0.0.1');
  client.pipe(upstream).pipe(client);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
}).listen(hostPort, '127.0.0.1');
