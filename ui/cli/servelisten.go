package cli

import (
	"errors"
	"fmt"
	"net"
)

// checkListen reports a usage error for a --listen address that names no
// port, or a port that is no number from 0 to 65535, before the server
// makes its host key or loads anything. Listening on it failed later in
// Go's own words ("listen tcp: address nonsense: missing port in
// address"), which named neither the flag nor the form it wants. A port
// may be a service name, as net.Listen takes it (":ssh"); a host that
// does not resolve, or a port taken, is still found by listening.
func checkListen(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err == nil {
		_, err = net.LookupPort("tcp", port)
	}
	if err != nil {
		return usagef("--listen %s is not an address: want host:port or :port, such as :2222", quoteArg(addr))
	}
	return nil
}

// listenError says why listening on addr failed. A host that does not
// resolve is said in words, as the user named it: Go's resolver error
// ("listen tcp: lookup nosuchhost on 192.0.2.53:53: no such host") named
// the machine's name server, which is nothing the user gave or can change
// here, and the host went into it raw.
func listenError(addr string, err error) error {
	dnsErr, ok := errors.AsType[*net.DNSError](err)
	if !ok {
		return err
	}
	host, _, splitErr := net.SplitHostPort(addr)
	if splitErr != nil {
		host = dnsErr.Name
	}
	switch {
	case dnsErr.IsNotFound:
		return fmt.Errorf("cannot resolve %s: no such host", quoteArg(host))
	case dnsErr.IsTimeout:
		return fmt.Errorf("cannot resolve %s: the lookup timed out", quoteArg(host))
	}
	return fmt.Errorf("cannot resolve %s", quoteArg(host))
}
