package main

import (
	"net"
	"net/http"
	"sync"
	"sync/atomic"
)

// connLimiter caps the site's open connections (-max-conns). Each costs
// about 20 KB (buffers and a goroutine) for as long as it is open, an idle
// keep-alive one up to the idle timeout, so without a cap a client holding
// thousands open idle takes the process past its memory limit and out of
// file descriptors. At the cap, a new connection is served only when one
// closes: an idle keep-alive connection is closed to make room (the one
// idle longest; its client opens another when it next needs one, as it
// would after the idle timeout), and when none is idle the new connection
// waits, unread, until one closes or goes idle; those after it wait in the
// kernel's queue. Connections already open keep working.
type connLimiter struct {
	net.Listener
	slots  chan struct{} // one per open connection
	closed chan struct{} // closed by Close
	// wentIdle wakes an Accept waiting at the cap when a connection
	// goes idle, to close it.
	wentIdle chan struct{}
	once     sync.Once

	mu   sync.Mutex
	idle idleList

	shed    atomic.Int64 // idle connections closed to make room
	waiting atomic.Int64 // 1 while Accept waits for a slot
}

func newConnLimiter(ln net.Listener, max int) *connLimiter {
	return &connLimiter{Listener: ln, slots: make(chan struct{}, max), closed: make(chan struct{}),
		wentIdle: make(chan struct{}, 1)}
}

// Accept takes the next connection and gives it a slot, making room by
// closing an idle connection when every slot is taken, or holding it
// until a slot frees or a connection goes idle.
func (l *connLimiter) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	for {
		select {
		case l.slots <- struct{}{}:
			return &limitedConn{Conn: c, l: l}, nil
		default:
		}
		if l.shedIdle() {
			continue
		}
		l.waiting.Store(1)
		select {
		case l.slots <- struct{}{}:
			l.waiting.Store(0)
			return &limitedConn{Conn: c, l: l}, nil
		case <-l.wentIdle:
			l.waiting.Store(0) // shed it
		case <-l.closed:
			l.waiting.Store(0)
			c.Close()
			return nil, net.ErrClosed
		}
	}
}

func (l *connLimiter) Close() error {
	l.once.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

// shedIdle closes the connection idle longest, if any is; its slot frees
// as it closes.
func (l *connLimiter) shedIdle() bool {
	l.mu.Lock()
	c := l.idle.first
	if c == nil {
		l.mu.Unlock()
		return false
	}
	l.idle.remove(c)
	l.mu.Unlock()
	l.shed.Add(1)
	c.Close()
	return true
}

// open is the number of connections open.
func (l *connLimiter) open() int { return len(l.slots) }

// connState is the http.Server's ConnState hook: it keeps the list of idle
// connections.
func (l *connLimiter) connState(nc net.Conn, state http.ConnState) {
	c, ok := nc.(*limitedConn)
	if !ok {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if state == http.StateIdle {
		if !c.isIdle {
			l.idle.push(c)
		}
		select {
		case l.wentIdle <- struct{}{}:
		default:
		}
		return
	}
	if c.isIdle {
		l.idle.remove(c)
	}
}

// A limitedConn gives its slot back when it closes.
type limitedConn struct {
	net.Conn
	l    *connLimiter
	once sync.Once
	// Its place in l.idle while idle, under l.mu: the connection is its
	// own list element, so going idle on every request allocates nothing.
	isIdle     bool
	prev, next *limitedConn
}

// An idleList is the idle connections, the one idle longest first.
type idleList struct{ first, last *limitedConn }

func (l *idleList) push(c *limitedConn) {
	c.isIdle, c.prev, c.next = true, l.last, nil
	if l.last != nil {
		l.last.next = c
	} else {
		l.first = c
	}
	l.last = c
}

func (l *idleList) remove(c *limitedConn) {
	if c.prev != nil {
		c.prev.next = c.next
	} else {
		l.first = c.next
	}
	if c.next != nil {
		c.next.prev = c.prev
	} else {
		l.last = c.prev
	}
	c.isIdle, c.prev, c.next = false, nil, nil
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() {
		c.l.connState(c, http.StateClosed)
		<-c.l.slots
	})
	return err
}
