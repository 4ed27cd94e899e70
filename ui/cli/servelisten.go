package cli

import "net"

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
