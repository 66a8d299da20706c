【冬物セール】${customer.familyName}様のサイズのコートが特別価格です
