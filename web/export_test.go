package web

// stats reports the answer cache's entries and the bytes they count for.
func (c *answerCache) stats() (entries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries), c.bytes
}
